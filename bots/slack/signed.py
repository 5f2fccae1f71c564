"""``POST /slack/events``: the body read under a size limit, the signature checked on it, only then Bolt.

Bolt checks signatures too, but only after it has built its request: the body decoded as
UTF-8, parsed as JSON or as a form whose ``payload`` is JSON. A body that is not UTF-8, a
``payload`` that is not JSON, JSON nested 100,000 deep, or a timestamp header that is not a
number made that step raise -- a 500 and a traceback, for anyone, without the secret. Here
the raw bytes are checked first with slack_sdk's ``SignatureVerifier`` (v0, five minutes of
clock skew): what fails is a 401, logged as a warning. A signed body Bolt still cannot read
(only Slack can sign, so this is a Slack-side fault) is a 400.
"""

from __future__ import annotations

import logging
import re

from slack_bolt.adapter.starlette.async_handler import to_async_bolt_request, to_starlette_response
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import Clock, SignatureVerifier
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

log = logging.getLogger("pagemagic.slack")

EVENTS_MAX_BODY = 1024 * 1024  # events, slash commands and interactions all arrive here
_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")  # seconds since 1970; slack_sdk would int() anything


class SignedEvents:
    """``Route(EVENTS_PATH, SignedEvents(app, secret).endpoint, methods=["POST"], max_body_size=...)``."""

    def __init__(self, app: AsyncApp, signing_secret: str, clock: Clock | None = None) -> None:
        self.app = app
        self.verifier = SignatureVerifier(signing_secret, clock or Clock())

    async def endpoint(self, request: Request) -> Response:
        body = await request.body()  # the route's max_body_size stops it at EVENTS_MAX_BODY
        if not self._signed(body, request):
            log.warning("Slack request refused: missing, stale or wrong signature")
            return PlainTextResponse("invalid signature", status_code=401)
        try:
            bolt_request = to_async_bolt_request(request, body)
        except (ValueError, RecursionError) as error:  # UnicodeDecodeError and JSON errors are ValueErrors
            log.warning("signed Slack request with an unreadable body: %s", type(error).__name__)
            return PlainTextResponse("unreadable body", status_code=400)
        return to_starlette_response(await self.app.async_dispatch(bolt_request))

    def _signed(self, body: bytes, request: Request) -> bool:
        timestamp = request.headers.get("x-slack-request-timestamp", "")
        signature = request.headers.get("x-slack-signature", "")
        if not _TIMESTAMP.match(timestamp) or not signature:
            return False
        try:
            text = body.decode("utf-8")  # what Slack signs; the verifier would decode it unguarded
        except UnicodeDecodeError:
            return False
        return self.verifier.is_valid(text, timestamp, signature)
