"""A private redis-server for tests that stop Redis or need a password (the shared one on 6379 is never touched)."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
        return True
    return False


@dataclass
class PrivateRedis:
    port: int
    password: str | None
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextlib.contextmanager
def private_redis(tmp_path: Path, password: str | None = None) -> Iterator[PrivateRedis]:
    server = shutil.which("redis-server")
    assert server is not None, "redis-server is missing: run scripts/services.sh"
    port = free_port()
    args = [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
            "--dir", str(tmp_path)]  # fmt: skip
    if password:
        args += ["--requirepass", password]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    redis = PrivateRedis(port, password, process)
    try:
        deadline = time.monotonic() + 10
        while not port_open(port):
            assert process.poll() is None and time.monotonic() < deadline, "private redis-server did not start"
            time.sleep(0.05)
        yield redis
    finally:
        redis.stop()


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    with private_redis(tmp_path) as redis:
        yield redis
