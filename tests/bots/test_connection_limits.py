"""Slow and idle connections to ``pagemagic serve`` (site port and ops port) and to the worker's port
are dropped: headers must arrive within a time, a body must keep coming, a kept-alive connection
may idle only so long. The times are settings, set small here; each test waits for the condition
(the server closed the socket) under a generous deadline. (Issue 14, item 11: five sockets sending
one header byte every 2 s stayed open past 24 s; an idle keep-alive socket past 30 s.)"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.bots import rawhttp
from tests.bots.serving import free_port, running_serve
from tests.production.conftest import private_redis

PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))
SHORT = {
    "PAGEMAGIC_HTTP_HEADER_TIMEOUT": "1",
    "PAGEMAGIC_HTTP_BODY_TIMEOUT": "1",
    "PAGEMAGIC_HTTP_KEEPALIVE_TIMEOUT": "1",
}
DEADLINE = 60.0  # far beyond the 1 s settings: only a server that never closes reaches it
SLOW_HEADERS = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 4000
SLOW_BODY = b"POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n"


def _attacks(port: int) -> dict[str, bool]:
    """Each kind of slow or idle connection, all at once; whether the server closed each."""

    def slow_headers(_: int) -> bool:
        with rawhttp.connect(port) as sock:
            return rawhttp.closed_by_server(sock, DEADLINE, SLOW_HEADERS)

    def silent(_: int) -> bool:
        with rawhttp.connect(port) as sock:
            return rawhttp.closed_by_server(sock, DEADLINE)

    def slow_body(_: int) -> bool:
        with rawhttp.connect(port) as sock:
            sock.sendall(SLOW_BODY)
            return rawhttp.closed_by_server(sock, DEADLINE, b"x" * 100)

    def idle_keep_alive(_: int) -> bool:
        with rawhttp.connect(port) as sock:
            sock.sendall(rawhttp.head("GET", "/healthz", "127.0.0.1", {}))
            assert rawhttp.read_status(sock) == 200
            return rawhttp.closed_by_server(sock, DEADLINE)

    with ThreadPoolExecutor(max_workers=8) as pool:
        trickling = pool.map(slow_headers, range(5))  # the five sockets
        others = {name: pool.submit(job, 0) for name, job in
                  [("silent", silent), ("slow body", slow_body), ("idle keep-alive", idle_keep_alive)]}  # fmt: skip
        closed = {f"slow headers {i}": done for i, done in enumerate(trickling)}
        closed.update({name: future.result() for name, future in others.items()})
    return closed


async def test_serve_drops_slow_and_idle_connections_on_both_ports(tmp_path: Path) -> None:
    async with running_serve(tmp_path, **SHORT) as serve:
        for port in (serve.port, serve.ops_port):
            closed = await asyncio.to_thread(_attacks, port)
            assert closed == dict.fromkeys(closed, True), port
        # and it still answers
        with rawhttp.connect(serve.port) as sock:
            sock.sendall(rawhttp.head("GET", "/healthz", "127.0.0.1", {}))
            assert await asyncio.to_thread(rawhttp.read_status, sock) == 200


@pytest.fixture
async def worker_port(tmp_path: Path) -> AsyncIterator[int]:
    with private_redis(tmp_path) as redis:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
        env.update(SHORT, PAGEMAGIC_HOME=str(tmp_path / "home"), PAGEMAGIC_REDIS_URL=redis.url,
                   PAGEMAGIC_WORKER_HOST="127.0.0.1", PAGEMAGIC_WORKER_PORT=str(port), PAGEMAGIC_LOG_FORMAT="console")  # fmt: skip
        log = tmp_path / "worker.log"
        with log.open("wb") as out:
            process = await asyncio.create_subprocess_exec(PAGEMAGIC, "worker", env=env, stdout=out, stderr=out)
        try:
            async with asyncio.timeout(60):
                while "worker ready" not in log.read_text():
                    assert process.returncode is None, log.read_text()
                    await asyncio.sleep(0.05)
            yield port
        finally:
            process.send_signal(signal.SIGTERM)
            async with asyncio.timeout(20):
                await process.wait()


async def test_the_workers_port_drops_slow_and_idle_connections(worker_port: int) -> None:
    closed = await asyncio.to_thread(_attacks, worker_port)
    assert closed == dict.fromkeys(closed, True)
