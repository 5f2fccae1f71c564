"""uvicorn's HTTP/1.1 protocol with two deadlines it lacks: request headers, and request body.

uvicorn bounds idle time only between requests (``timeout_keep_alive``, armed when a response
completes) and has no option for the time a request may take to arrive: a connection that
never sends a byte, or sends its headers one byte every two seconds (slowloris), or its body
that way, is kept open for ever, and enough of them take every connection the server allows.
Nothing in ASGI can help, because the application only sees a request once its headers are
complete. So this subclass of uvicorn's own h11 protocol (passed through its documented
``http`` option) closes a connection whose

- request line and headers are not complete ``header_timeout`` seconds after the connection
  opened, or after the first byte of a later request on a kept-alive connection;
- request body has not fully arrived ``body_timeout`` seconds after its headers. A total, not
  a gap between two reads (nginx's ``client_body_timeout``): a client sending a byte a second
  would pass any gap and still hold the connection for days under a 1 MiB limit. Bodies here
  are webhooks from Slack, Telegram and Stripe, sent at data-centre speed. When the time is up
  while the application, not the client, is the slow side (uvicorn stopped reading because
  the app has not taken what it has), the client gets more time.

Once a request has fully arrived nothing here runs, so long responses (the preview's event
stream) are never cut. In production the nginx edge fronts the app with its own timeouts.
"""

from __future__ import annotations

import asyncio
import logging

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("pagemagic.http")


class DeadlineProtocol(H11Protocol):
    header_timeout: float = 10.0
    body_timeout: float = 30.0

    _deadline: asyncio.TimerHandle | None = None
    _phase: str | None = None  # "headers" | "body" | None (nothing awaited from the client)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._watch()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def _watch(self) -> None:
        """Arm the deadline of what the connection now waits for from the client, when that changed."""
        if self.transport.is_closing():
            self._cancel()
            return
        state = self.conn.their_state
        if state is h11.IDLE and self.timeout_keep_alive_task is None:
            phase, seconds = "headers", self.header_timeout  # between requests, keep-alive governs
        elif state is h11.SEND_BODY:
            phase, seconds = "body", self.body_timeout
        else:
            self._cancel()
            return
        if phase != self._phase:
            self._cancel()
            self._deadline = self.loop.call_later(seconds, self._expired)
        self._phase = phase

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline, self._phase = None, None

    def _expired(self) -> None:
        phase, self._deadline = self._phase, None
        if phase == "body" and self.flow.read_paused:  # the application is behind, not the client
            self._deadline = self.loop.call_later(self.body_timeout, self._expired)
            return
        log.info("closed a connection whose request %s did not arrive in time", phase)
        self._phase = None
        self.transport.close()


def deadline_protocol(header_timeout: float, body_timeout: float) -> type[DeadlineProtocol]:
    """The protocol class for one server's settings (uvicorn instantiates it per connection)."""
    attributes = {"header_timeout": header_timeout, "body_timeout": body_timeout}
    return type("DeadlineProtocol", (DeadlineProtocol,), attributes)
