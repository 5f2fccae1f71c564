"""The bounds ``BackgroundServer`` puts on clients (``HttpLimits``): what they refuse, and what they must
never cut -- a response that streams long, an application slower than its client. Time is never
measured: "the deadline has passed" is seen as another connection, opened later with the same
deadline, being closed by the server."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from bots.server import BackgroundServer, HttpLimits, bind_socket
from tests.bots import rawhttp

DEADLINE = 60.0


class App:
    """A stream that waits for the test between its two parts, and an upload read only when the test says."""

    def __init__(self) -> None:
        self.go_on = asyncio.Event()

    async def stream(self, request: Request) -> Response:
        async def parts() -> AsyncIterator[bytes]:
            yield b"first\n"
            await self.go_on.wait()
            yield b"second\n"

        return StreamingResponse(parts(), media_type="text/plain")

    async def upload(self, request: Request) -> Response:
        await self.go_on.wait()
        return PlainTextResponse(str(len(await request.body())))

    async def ok(self, request: Request) -> Response:
        return PlainTextResponse("ok")

    def starlette(self) -> Starlette:
        return Starlette(routes=[Route("/stream", self.stream), Route("/upload", self.upload, methods=["POST"]),
                                 Route("/ok", self.ok)])  # fmt: skip


@pytest.fixture
async def start() -> AsyncIterator[Callable[[HttpLimits], asyncio.Future[tuple[App, int]]]]:
    servers: list[BackgroundServer] = []

    async def run(limits: HttpLimits) -> tuple[App, int]:
        app = App()
        sock = bind_socket("127.0.0.1", 0, fall_back=False)
        server = BackgroundServer(app.starlette(), sock, limits)
        await server.start()
        servers.append(server)
        return app, int(sock.getsockname()[1])

    yield run  # type: ignore[misc]
    for server in servers:
        await server.stop()


def _silent_connection_closed(port: int) -> bool:
    with rawhttp.connect(port) as sock:
        return rawhttp.closed_by_server(sock, DEADLINE)


def _read_until(sock: socket.socket, marker: bytes) -> bytes:
    data = b""
    while marker not in data:
        chunk = sock.recv(65536)
        assert chunk, f"closed before {marker!r}: {data!r}"
        data += chunk
    return data


def _read_to_end(sock: socket.socket) -> bytes:
    """Everything until the server closes (requests here say ``Connection: close``)."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


async def test_a_response_that_streams_past_the_deadlines_is_not_cut(start) -> None:  # type: ignore[no-untyped-def]
    app, port = await start(HttpLimits(header_timeout=0.5, body_timeout=0.5, keepalive_timeout=1))
    sock = rawhttp.connect(port)
    try:
        sock.sendall(rawhttp.head("GET", "/stream", "127.0.0.1", {"Connection": "close"}))
        first = await asyncio.to_thread(_read_until, sock, b"first\n")
        assert await asyncio.to_thread(_silent_connection_closed, port)  # a later connection's deadline passed
        app.go_on.set()
        rest = await asyncio.to_thread(_read_to_end, sock)
        assert b"second" in first + rest
    finally:
        sock.close()


async def test_a_slow_application_does_not_cost_its_client_the_body_deadline(start) -> None:  # type: ignore[no-untyped-def]
    app, port = await start(HttpLimits(header_timeout=0.5, body_timeout=0.5, keepalive_timeout=1))
    body = b"x" * (1024 * 1024)  # more than uvicorn buffers: it stops reading until the app takes it
    sock = rawhttp.connect(port)
    try:
        sock.sendall(rawhttp.head("POST", "/upload", "127.0.0.1", {"Content-Length": str(len(body)), "Connection": "close"}))
        with ThreadPoolExecutor(max_workers=1) as pool:
            sending = pool.submit(sock.sendall, body)  # blocks while the server does not read
            assert await asyncio.to_thread(_silent_connection_closed, port)  # the body deadline has passed
            app.go_on.set()
            await asyncio.wrap_future(sending)
        answer = await asyncio.to_thread(_read_to_end, sock)
        assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(str(len(body)).encode())
    finally:
        sock.close()


async def test_requests_beyond_the_connection_limit_get_503_until_others_leave(start) -> None:  # type: ignore[no-untyped-def]
    _app, port = await start(HttpLimits(max_connections=3))

    def request() -> int | None:
        with rawhttp.connect(port) as sock:
            sock.sendall(rawhttp.head("GET", "/ok", "127.0.0.1", {"Connection": "close"}))
            return rawhttp.read_status(sock)

    idle = [rawhttp.connect(port) for _ in range(2)]
    try:
        assert await asyncio.to_thread(request) == 503
    finally:
        for sock in idle:
            sock.close()
    async with asyncio.timeout(DEADLINE):  # the server notices the two leave
        while await asyncio.to_thread(request) != 200:
            await asyncio.sleep(0.05)


async def test_an_incomplete_request_head_over_the_limit_is_refused(start) -> None:  # type: ignore[no-untyped-def]
    """h11 holds at most ``max_header_bytes`` of a head still waiting for its end (a head that
    arrives whole is parsed at once); a slowloris growing its headers is refused with 400."""
    _app, port = await start(HttpLimits(max_header_bytes=2048))

    def request(size: int) -> int | None:
        with rawhttp.connect(port) as sock:
            head = rawhttp.head("GET", "/ok", "127.0.0.1", {"X-Big": "a" * size})
            sock.sendall(head[: len(head) - 4 if size > 2048 else len(head)])  # the big one never ends
            return rawhttp.read_status(sock)

    assert await asyncio.to_thread(request, 1000) == 200
    assert await asyncio.to_thread(request, 4000) == 400
