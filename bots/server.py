"""Running the web server inside a chat process or on its own (``pagemagic serve``)."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import socket
from dataclasses import dataclass

import uvicorn
from starlette.types import ASGIApp

from bots.http_deadlines import deadline_protocol
from core.settings import Settings


@dataclass(frozen=True)
class HttpLimits:
    """How long and how many: the bounds every listener of Page Magic puts on its clients.

    ``header_timeout`` and ``body_timeout`` are enforced by ``bots.http_deadlines`` (uvicorn has
    no such option); the others are uvicorn's own ``timeout_keep_alive``, ``limit_concurrency``
    (beyond it a new request gets 503) and ``h11_max_incomplete_event_size`` (a request head
    still incomplete beyond it gets 400). In production the nginx edge fronts the site port
    with its own timeouts and connection limits (docs/production.md).
    """

    header_timeout: float = 10.0
    body_timeout: float = 30.0
    keepalive_timeout: int = 5
    max_connections: int = 1000
    max_header_bytes: int = 16384

    @classmethod
    def from_settings(cls, settings: Settings) -> HttpLimits:
        return cls(
            header_timeout=settings.http_header_timeout,
            body_timeout=settings.http_body_timeout,
            keepalive_timeout=settings.http_keepalive_timeout,
            max_connections=settings.http_max_connections,
            max_header_bytes=settings.http_max_header_bytes,
        )


def bind_socket(host: str, port: int, fall_back: bool) -> socket.socket:
    """Bind the server socket up front, so its URL is known before anything prints a link.

    With ``fall_back`` a busy port (another chat already runs) is replaced by a
    free one instead of failing.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto IPPROTO_TCP (not 0): asyncio turns Nagle off only for such sockets; without it every
    # later answer on a kept-alive connection waited ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        if not fall_back or exc.errno != errno.EADDRINUSE:
            sock.close()
            raise
        sock.bind((host, 0))
    sock.listen(512)
    sock.setblocking(False)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


class BackgroundServer:
    """uvicorn on an already-bound socket, as a task of the current event loop."""

    def __init__(self, app: ASGIApp, sock: socket.socket, limits: HttpLimits | None = None) -> None:
        limits = limits or HttpLimits()
        config = uvicorn.Config(
            app,
            log_level="warning",
            timeout_graceful_shutdown=1,
            lifespan="off",
            http=deadline_protocol(limits.header_timeout, limits.body_timeout),
            timeout_keep_alive=limits.keepalive_timeout,
            limit_concurrency=limits.max_connections,
            h11_max_incomplete_event_size=limits.max_header_bytes,
        )
        self._server = uvicorn.Server(config)
        self._sock = sock
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._server.serve(sockets=[self._sock]))
        while not self._server.started:
            if self._task.done():
                await self._task  # re-raise a start-up failure
                return
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        self._server.should_exit = True
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._sock.close()

    async def wait(self) -> None:
        if self._task is not None:
            await self._task
