"""HTTP/1.1 by hand over a socket: for requests no client library would send (huge declared
lengths, endless chunked bodies, a byte at a time) and for watching when a server answers."""

from __future__ import annotations

import contextlib
import select
import socket
import time
from dataclasses import dataclass


@dataclass
class Streamed:
    status: int | None  # the status line's code, None when the server sent no answer
    sent: int  # body bytes written before the answer came (or the connection closed)


def connect(port: int, timeout: float = 30.0) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def head(method: str, path: str, host: str, headers: dict[str, str]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def read_status(sock: socket.socket) -> int | None:
    """The status code of the next answer; None when the connection closes without one."""
    data = b""
    while b"\r\n" not in data:
        try:
            chunk = sock.recv(4096)
        except (ConnectionResetError, TimeoutError):
            break
        if not chunk:
            break
        data += chunk
    if not data.startswith(b"HTTP/1.1 "):
        return None
    return int(data.split(b" ", 2)[1])


def stream_body(sock: socket.socket, limit: int, chunk: int = 64 * 1024) -> Streamed:
    """Send a chunked body of up to ``limit`` bytes, stopping as soon as the server answers or hangs up."""
    sent = 0
    piece = b"%x\r\n" % chunk + b"a" * chunk + b"\r\n"
    while sent < limit:
        readable, _, _ = select.select([sock], [], [], 0)
        if readable:
            return Streamed(read_status(sock), sent)
        try:
            sock.sendall(piece)
        except (BrokenPipeError, ConnectionResetError):
            return Streamed(read_status(sock), sent)
        sent += chunk
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        sock.sendall(b"0\r\n\r\n")
    return Streamed(read_status(sock), sent)


def closed_by_server(sock: socket.socket, deadline: float, trickle: bytes = b"") -> bool:
    """Wait (at most ``deadline`` seconds) for the server to close the connection; meanwhile send
    one byte of ``trickle`` every 0.2 s, as a slow client would. True when it was closed."""
    give_up = time.monotonic() + deadline
    sent = 0
    while time.monotonic() < give_up:
        readable, _, _ = select.select([sock], [], [], 0.2)  # the slow client's pace
        try:
            if readable:
                if not sock.recv(65536):
                    return True
                continue
            if sent < len(trickle):
                sock.sendall(trickle[sent : sent + 1])
                sent += 1
        except (BrokenPipeError, ConnectionResetError):
            return True
    return False
