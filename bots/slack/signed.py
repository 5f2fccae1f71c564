"""``POST /slack/events``: the body read under a size limit, the signature checked on it, only then Bolt.

Bolt checks signatures too, but only after it has built its request: the body decoded as
UTF-8, parsed as JSON or as a form whose ``payload`` is JSON. A body that is not UTF-8, a
``payload`` that is not JSON, JSON nested 100,000 deep, or a timestamp header that is not a
number made that step raise -- a 500 and a traceback, for anyone, without the secret. Here
the raw bytes are checked first with slack_sdk's ``SignatureVerifier`` (v0, five minutes of
clock skew): what fails is a 401, logged as a warning. A signed body Bolt still cannot take
apart -- not JSON, not an object, an event without a type (only Slack can sign, so a fault on
Slack's side; Bolt answered it with a 500 and an error) -- is a 400, logged as a warning.
"""

from __future__ import annotations

import logging
import re

from slack_bolt.adapter.starlette.async_handler import to_async_bolt_request, to_starlette_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.internals import build_normalized_headers, extract_content_type, parse_body
from slack_sdk.signature import Clock, SignatureVerifier
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

log = logging.getLogger("pagemagic.slack")

EVENTS_MAX_BODY = 1024 * 1024  # events, slash commands and interactions all arrive here
_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")  # seconds since 1970; slack_sdk would int() anything
_SIGNATURE = re.compile(r"^v0=[0-9a-f]{64}$")  # hmac.compare_digest raises on a non-ASCII string


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
        try:  # Bolt's own parsing, once first to look at what it gives
            content_type = extract_content_type(build_normalized_headers(dict(request.headers)))
            payload = parse_body(body.decode("utf-8"), content_type)
        except (ValueError, RecursionError) as error:  # JSON errors are ValueErrors
            log.warning("signed Slack request with an unreadable body: %s", type(error).__name__)
            return PlainTextResponse("unreadable body", status_code=400)
        if not _envelope_ok(payload):
            log.warning("signed Slack request that is not a Slack payload (type %r)", _kind(payload))
            return PlainTextResponse("not a Slack payload", status_code=400)
        return to_starlette_response(await self.app.async_dispatch(to_async_bolt_request(request, body)))

    def _signed(self, body: bytes, request: Request) -> bool:
        timestamp = request.headers.get("x-slack-request-timestamp", "")
        signature = request.headers.get("x-slack-signature", "")
        if not _TIMESTAMP.match(timestamp) or not _SIGNATURE.match(signature):
            return False
        try:
            text = body.decode("utf-8")  # what Slack signs; the verifier would decode it unguarded
        except UnicodeDecodeError:
            return False
        return self.verifier.is_valid(text, timestamp, signature)


def _envelope_ok(payload: object) -> bool:
    """What Bolt takes for granted before any listener runs: an object, and an Events API ``event``
    that is an object with a string ``type``. (Slack never sends less; Bolt answered 500 to it.)"""
    if not isinstance(payload, dict):
        return False
    if payload.get("type") == "event_callback" or "event" in payload:
        event = payload.get("event")
        return isinstance(event, dict) and isinstance(event.get("type"), str)
    return True


def _kind(payload: object) -> str:
    return str(payload.get("type"))[:40] if isinstance(payload, dict) else type(payload).__name__
