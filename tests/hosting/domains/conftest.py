"""The real parts custom domains meet: pebble (ACME) and pebble-challtestsrv (DNS) on 127.0.0.1,
a private redis-server, and the nginx + Lua edge, started once for this folder's tests."""

from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import httpx
import pytest

from hosting.edge.config import EdgeConfig, RedisAddress
from hosting.edge.nginx import EdgeProcess
from tests.hosting.edge.harness import PrivateRedis, free_port


@dataclass
class Stack:
    redis_url: str
    dns_port: int
    challtestsrv: str  # management API base URL
    acme_directory: str
    acme_ca_bundle: Path  # verifies pebble's own TLS listener
    pebble_management: str
    edge: EdgeProcess
    cert_key: str  # base64, the key certificates are encrypted with
    tmp: Path

    @property
    def http_port(self) -> int:
        return self.edge.config.port

    @property
    def https_port(self) -> int:
        port = self.edge.config.https_port
        assert port is not None
        return port

    def dns(self, path: str, **body: object) -> None:
        """Set or clear a record in pebble-challtestsrv (what pebble and the checker both ask)."""
        httpx.post(f"{self.challtestsrv}/{path}", json=body, timeout=5).raise_for_status()

    def root_ca(self) -> Path:
        """Pebble's root of the certificates it issues (new on each start)."""
        path = self.tmp / "pebble-root.pem"
        if not path.exists():
            ctx = ssl.create_default_context(cafile=str(self.acme_ca_bundle))
            root = httpx.get(f"{self.pebble_management}/roots/0", verify=ctx, timeout=5)
            root.raise_for_status()
            path.write_text(root.text)
        return path


def _self_signed(directory: Path, name: str, san: str) -> tuple[Path, Path]:
    cert, key = directory / f"{name}.pem", directory / f"{name}-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
         "-subj", f"/CN={name}", "-addext", f"subjectAltName={san}", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


def _wait(check: object, what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():  # type: ignore[operator]
                return
        except (OSError, httpx.HTTPError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.1)


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    for binary in ("pebble", "pebble-challtestsrv", "redis-server"):
        assert shutil.which(binary), f"{binary} is missing: run scripts/services.sh"
    tmp = tmp_path_factory.mktemp("domains")
    redis = PrivateRedis(tmp)
    redis.start()
    processes: list[subprocess.Popen[bytes]] = []
    edge: EdgeProcess | None = None
    logs: list[BinaryIO] = []
    try:
        dns_port, dns_api = free_port(), free_port()
        logs.append(open(tmp / "challtestsrv.log", "wb"))  # noqa: SIM115
        processes.append(subprocess.Popen(
            ["pebble-challtestsrv", "-dns01", f"127.0.0.1:{dns_port}", "-management", f"127.0.0.1:{dns_api}",
             "-http01", "", "-https01", "", "-tlsalpn01", "", "-defaultIPv6", ""],
            stdout=logs[-1], stderr=subprocess.STDOUT,
        ))
        http_port, https_port = free_port(), free_port()
        acme_port, acme_api = free_port(), free_port()
        listener_cert, listener_key = _self_signed(tmp, "pebble-listener", "IP:127.0.0.1,DNS:localhost")
        config = {
            "pebble": {
                "listenAddress": f"127.0.0.1:{acme_port}",
                "managementListenAddress": f"127.0.0.1:{acme_api}",
                "certificate": str(listener_cert),
                "privateKey": str(listener_key),
                "httpPort": http_port,  # HTTP-01 validation goes to the edge
                "tlsPort": free_port(),
                "ocspResponderURL": "",
                "externalAccountBindingRequired": False,
            }
        }
        (tmp / "pebble.json").write_text(json.dumps(config))
        env = {**os.environ, "PEBBLE_VA_NOSLEEP": "1"}  # nonce rejection (5%) stays on: the client retries
        logs.append(open(tmp / "pebble.log", "wb"))  # noqa: SIM115
        processes.append(subprocess.Popen(
            ["pebble", "-config", str(tmp / "pebble.json"), "-dnsserver", f"127.0.0.1:{dns_port}"],
            stdout=logs[-1], stderr=subprocess.STDOUT, env=env, cwd=tmp,
        ))
        fallback_cert, fallback_key = _self_signed(tmp, "edge-default", "DNS:edge.invalid")
        cert_key = base64.b64encode(secrets.token_bytes(32)).decode()
        edge = EdgeProcess(EdgeConfig(
            prefix=tmp / "edge", port=http_port, https_port=https_port, tls_cert=fallback_cert,
            tls_key=fallback_key, workers=2, redis=RedisAddress.from_url(redis.url), cache_ttl=0.3,
            flush_interval=0.2, log_level="info", cert_key=cert_key,
        )).start()
        ctx = ssl.create_default_context(cafile=str(listener_cert))
        _wait(lambda: httpx.get(f"https://127.0.0.1:{acme_port}/dir", verify=ctx, timeout=1).status_code == 200,
              "pebble")
        _wait(lambda: _port_open(dns_api), "pebble-challtestsrv")
        yield Stack(
            redis_url=redis.url,
            dns_port=dns_port,
            challtestsrv=f"http://127.0.0.1:{dns_api}",
            acme_directory=f"https://127.0.0.1:{acme_port}/dir",
            acme_ca_bundle=listener_cert,
            pebble_management=f"https://127.0.0.1:{acme_api}",
            edge=edge,
            cert_key=cert_key,
            tmp=tmp,
        )
    finally:
        if edge is not None:
            edge.stop()
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
        redis.stop()
        for log in logs:
            log.close()
