"""A TLS client for the edge: connects to 127.0.0.1 with a chosen SNI name, as a browser would
after resolving the domain, and returns the certificate it got with the HTTP answer."""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TlsAnswer:
    certificate: bytes  # DER of the leaf the edge served
    status: int
    body: bytes


def https_get(port: int, name: str, cafile: Path | None, path: str = "/") -> TlsAnswer:
    """GET https://name:port/path against 127.0.0.1, verifying against ``cafile`` (None: no checks)."""
    ctx = ssl.create_default_context(cafile=str(cafile)) if cafile else ssl._create_unverified_context()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, ctx.wrap_socket(raw, server_hostname=name) as tls:
        der = tls.getpeercert(binary_form=True) or b""
        tls.sendall(f"GET {path} HTTP/1.1\r\nHost: {name}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := tls.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return TlsAnswer(der, int(head.split()[1]), body)
