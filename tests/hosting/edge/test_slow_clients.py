"""The edge drops slow and idle clients before anything behind it sees them (nginx's
client_header_timeout, client_body_timeout, keepalive_timeout, from the PAGEMAGIC_HTTP_*
settings), and bounds connections per client address. The times are set small; each test waits
for the condition (nginx closed the socket) under a generous deadline. (Issue 14, item 11.)"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from core.settings import Settings
from hosting.edge.config import EdgeConfig, render
from hosting.edge.nginx import EdgeProcess
from tests.bots import rawhttp
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import unique

DEADLINE = 30.0  # far beyond the 1 s settings, and short of nginx's own defaults (60 s, 75 s)


def test_the_rendered_config_bounds_slow_clients_from_the_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(home=tmp_path, http_header_timeout=7, http_body_timeout=12.5, http_keepalive_timeout=4,
                        edge_connections_per_client=64)  # fmt: skip
    text = render(EdgeConfig.from_settings(settings))
    for line in ("client_header_timeout 7000ms;", "client_body_timeout 12500ms;", "keepalive_timeout 4000ms;",
                 "limit_conn_zone $binary_remote_addr zone=pm_per_client:10m;", "limit_conn pm_per_client 64;"):  # fmt: skip
        assert line in text, line


async def test_slow_headers_slow_bodies_and_idle_connections_are_closed(edge: Callable[..., EdgeProcess]) -> None:
    proxy = edge(header_timeout=1.0, body_timeout=1.0, keepalive_timeout=1.0)
    port = proxy.config.port
    slow_headers = b"GET / HTTP/1.1\r\nHost: nowhere.test\r\nX-Slow: " + b"a" * 4000
    slow_body = b"POST / HTTP/1.1\r\nHost: nowhere.test\r\nContent-Length: 100000\r\n\r\n"

    def attack(kind: str) -> bool:
        with rawhttp.connect(port) as sock:
            if kind == "slow headers":  # one byte every 0.2 s
                return rawhttp.closed_by_server(sock, DEADLINE, slow_headers)
            if kind == "slow body":
                sock.sendall(slow_body)
                return rawhttp.closed_by_server(sock, DEADLINE)
            if kind == "idle keep-alive":
                sock.sendall(rawhttp.head("GET", "/", "nowhere.test", {}))
                assert rawhttp.read_status(sock) == 404  # the edge's unknown-host page
            return rawhttp.closed_by_server(sock, DEADLINE)

    kinds = ["slow headers"] * 5 + ["silent", "slow body", "idle keep-alive"]
    with ThreadPoolExecutor(max_workers=len(kinds)) as pool:
        closed = await asyncio.gather(*(asyncio.wrap_future(pool.submit(attack, k)) for k in kinds))
    assert list(zip(kinds, closed, strict=True)) == [(kind, True) for kind in kinds]


class Holding:
    """An upstream that takes each request and never answers, so the edge keeps it in progress."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.arrived = threading.Event()
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.listener.accept()
                self.connections.append(conn)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                self.arrived.set()

    def close(self) -> None:
        self.listener.close()
        for conn in self.connections:
            conn.close()


@pytest.mark.parametrize("server", ["a site", "the app's own routes"])
async def test_a_client_past_its_connections_gets_503_on_every_server_of_the_edge(
    server: str, keys: Keys, edge: Callable[..., EdgeProcess]
) -> None:
    """limit_conn bounds the requests in progress per client address on the sites' server and on the
    app's (PAGEMAGIC_EDGE_APP_UPSTREAM): one held request, and the same client's next one is 503."""
    held = Holding()
    try:
        if server == "a site":
            host = f"{unique('padaria')}.test"
            await keys.route(unique("padaria"), [host], [held.endpoint], plan=unique("plan"))
            proxy = edge(connections_per_client=1)
        else:
            host = "app.pagemagic.test"
            proxy = edge(connections_per_client=1, app_upstream=held.endpoint, app_hosts=(host,))
        request = rawhttp.head("GET", "/", host, {"User-Agent": "Mozilla/5.0", "Accept": "text/html"})

        def run() -> int | None:
            with rawhttp.connect(proxy.config.port) as first, rawhttp.connect(proxy.config.port) as second:
                first.sendall(request)
                assert held.arrived.wait(DEADLINE), "the first request never reached the upstream"
                second.sendall(request)
                return rawhttp.read_status(second)

        assert await asyncio.to_thread(run) == 503
    finally:
        held.close()
