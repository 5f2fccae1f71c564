"""Malformed requests to /slack/events: the signature is checked before anything is parsed, so
nobody without the signing secret can make the endpoint fail; a 401 (or, when signed, a 400),
logged at most as a warning. (Issue 14, item 5: each of these was a 500 with a traceback.)"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time

import httpx
import pytest
from sqlalchemy import func, select

from core.storage.tables import ConversationRow
from tests.bots.slack.conftest import SIGNING_SECRET

FORM = "application/x-www-form-urlencoded"
NESTED = "[" * 100_000 + "]" * 100_000


def _signed(body: bytes, stamp: str) -> str:
    digest = hmac.new(SIGNING_SECRET.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return "v0=" + digest


async def _post(slack, body: bytes, content_type: str, stamp: str, signature: str) -> httpx.Response:  # type: ignore[no-untyped-def]
    headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
               "X-Slack-Signature": signature.encode("utf-8")}  # fmt: skip
    return await slack.http.post(slack.url, content=body, headers=headers)


def _problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [f"{r.name}: {r.getMessage()}" for r in caplog.records if r.levelno > logging.WARNING or r.exc_info]


@pytest.mark.parametrize(
    ("body", "content_type", "stamp"),
    [
        (b"payload=%7Bnot-json", FORM, "now"),
        (NESTED.encode(), "application/json", "now"),
        ("payload=" + NESTED, FORM, "now"),
        (b"\xff\xfe\xfa not utf-8 \xc3\x28", FORM, "now"),
        (b"command=%2Fpagemagic&text=hi", FORM, "abc"),
        (b"command=%2Fpagemagic&text=hi", FORM, "9" * 400),
        (b"command=%2Fpagemagic&text=hi", FORM, "-1"),
        (b"command=%2Fpagemagic&text=hi", FORM, ""),
    ],
    ids=["payload-not-json", "json-nested-100k", "payload-nested-100k", "invalid-utf8", "timestamp-abc",
         "timestamp-400-digits", "timestamp-negative", "timestamp-empty"],
)
async def test_unsigned_malformed_requests_get_401_without_an_error(
    serve, slack_settings, slack_api, caplog: pytest.LogCaptureFixture, body: bytes | str, content_type: str, stamp: str
) -> None:
    raw = body.encode() if isinstance(body, str) else body
    stamp = str(int(time.time())) if stamp == "now" else stamp
    caplog.set_level(logging.INFO)
    token = slack_api.add_workspace("T0MALFORMED").bot_token
    async with serve(slack_settings(slack_bot_token=token)) as slack:
        for signature in ("v0=" + "0" * 64, "\u00a0", "v0=" + "\u00e9" * 64, ""):  # the fuzzing found the non-ASCII one
            answer = await _post(slack, raw, content_type, stamp, signature)
            assert answer.status_code == 401, signature
        async with slack.rt.store.session() as session:
            assert await session.scalar(select(func.count()).select_from(ConversationRow)) == 0
    assert _problems(caplog) == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"payload=%7Bnot-json", FORM),
        (NESTED.encode(), FORM),
        (b"payload=" + NESTED.encode(), FORM),
        (b"\xff\xfe not utf-8", FORM),
        (b"", "application/json"),
        # found by tests/bots/test_serve_fuzz.py: what Bolt could not take apart after the signature passed
        (b'{"type": "event_callback", "event": null, "team_id": "T0SERVE"}', "application/json"),
        (b'{"type": "event_callback", "event": {"text": "no type"}}', "application/json"),
        (b"[1, 2]", "application/json"),
        (b'"just a string"', "application/json"),
        (b"payload=%5B%5D", FORM),
        (b'{"type": "url_verification", "event": null, "team_id": "T0SERVE", "challenge": null}', "application/json"),
    ],
    ids=["payload-not-json", "json-nested-100k", "payload-nested-100k", "invalid-utf8", "empty", "event-null",
         "event-without-type", "json-list", "json-string", "payload-list", "challenge-with-event-null"],
)
async def test_signed_but_unreadable_bodies_are_no_server_error(
    serve, slack_settings, slack_api, caplog: pytest.LogCaptureFixture, body: bytes, content_type: str
) -> None:
    stamp = str(int(time.time()))
    caplog.set_level(logging.INFO)
    token = slack_api.add_workspace("T0MALFORMED").bot_token
    async with serve(slack_settings(slack_bot_token=token)) as slack:
        answer = await _post(slack, body, content_type, stamp, _signed(body, stamp))
        assert answer.status_code < 500
    assert _problems(caplog) == []
