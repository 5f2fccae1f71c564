"""``X-Request-Id`` in and out: the id the edge (or a proxy) sent, or a new one, bound for the request.

Pure ASGI (no response buffering, so server-sent previews keep streaming).
Webhook handlers (Telegram, Slack, Stripe) run inside this scope, so the id
follows the update through Studio and into the publish job it submits.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.observability.context import request_scope

HEADER = b"x-request-id"


class RequestIdMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k.lower() == HEADER), None)
        with request_scope(incoming) as request_id:

            async def send_with_id(message: Message) -> None:
                if message["type"] == "http.response.start":
                    headers = [h for h in message.get("headers", []) if h[0].lower() != HEADER]
                    headers.append((HEADER, request_id.encode("latin-1")))
                    message = {**message, "headers": headers}
                await send(message)

            await self.app(scope, receive, send_with_id)
