"""Fixtures: the Slack Web API stand-in, Page Magic served with the Bolt app, and a signing sender."""

from __future__ import annotations

import base64
import json
import secrets
import time
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from slack_sdk.signature import SignatureVerifier

from bots.slack.app import slack_routes
from bots.wiring import Runtime, runtime
from core.settings import Settings
from tests.standins.slack_api import CLIENT_ID, CLIENT_SECRET, SlackApiStandIn

SIGNING_SECRET = "standin-signing-secret"


@pytest.fixture
async def slack_api() -> AsyncIterator[SlackApiStandIn]:
    api = SlackApiStandIn()
    await api.start()
    try:
        yield api
    finally:
        await api.stop()


class Slack:
    """Sends what Slack sends: signed (v0) HTTP requests to /slack/events."""

    def __init__(self, rt: Runtime, api: SlackApiStandIn, secret: str = SIGNING_SECRET) -> None:
        self.rt = rt
        self.api = api
        self.url = rt.base_url + "/slack/events"
        self.verifier = SignatureVerifier(secret)
        self.http = httpx.AsyncClient(timeout=10)

    async def post(
        self, body: str, content_type: str, *, timestamp: int | None = None, signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        sig = signature or self.verifier.generate_signature(timestamp=stamp, body=body)
        headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": sig,
                   **(headers or {})}  # fmt: skip
        return await self.http.post(self.url, content=body.encode(), headers=headers)

    async def command(self, team: str, channel: str, user: str, text: str, **kw: Any) -> tuple[httpx.Response, str]:
        self.api.channels.add(channel)  # the user typed in it: the channel exists
        key = secrets.token_hex(6)
        form = {
            "token": "legacy",
            "team_id": team,
            "team_domain": team.lower(),
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": kw.pop("command", "/pagemagic"),
            "text": text,
            "api_app_id": "A0PAGEMAGIC",
            "response_url": self.api.response_url(key),
            "trigger_id": "1.2.3",
        }
        return await self.post(urlencode(form), "application/x-www-form-urlencoded", **kw), key

    async def action(
        self, team: str, channel: str, user: str, action_id: str, message_ts: str, thread_ts: str
    ) -> tuple[httpx.Response, str]:
        self.api.channels.add(channel)
        key = secrets.token_hex(6)
        payload = {
            "type": "block_actions",
            "team": {"id": team, "domain": team.lower()},
            "user": {"id": user, "username": user.lower(), "team_id": team},
            "api_app_id": "A0PAGEMAGIC",
            "container": {
                "type": "message",
                "message_ts": message_ts,
                "channel_id": channel,
                "is_ephemeral": False,
                "thread_ts": thread_ts,
            },
            "channel": {"id": channel, "name": "general"},
            "message": {"type": "message", "ts": message_ts, "thread_ts": thread_ts, "text": ""},
            "response_url": self.api.response_url(key),
            "trigger_id": "1.2.3",
            "actions": [{"action_id": action_id, "block_id": "b", "type": "button", "action_ts": str(time.time())}],
        }
        body = urlencode({"payload": json.dumps(payload)})
        return await self.post(body, "application/x-www-form-urlencoded"), key

    async def event(
        self, team: str, bot_user: str, event: dict[str, Any], event_id: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        if "channel" in event:
            self.api.channels.add(event["channel"])
        body = {
            "token": "legacy",
            "team_id": team,
            "api_app_id": "A0PAGEMAGIC",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or "Ev" + secrets.token_hex(5),
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team, "user_id": bot_user, "is_bot": True}],
        }
        return await self.post(json.dumps(body), "application/json", headers=headers)

    def responses(self, key: str) -> list[dict[str, Any]]:
        return [c.params for c in self.api.responses if c.key == key]

    async def close(self) -> None:
        await self.http.aclose()


@pytest.fixture
def slack_settings(tmp_path: Any, slack_api: SlackApiStandIn) -> Callable[..., Settings]:
    def build(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "home": tmp_path / "home",
            "port": 0,
            "ops_port": 0,
            "generator_delay": 0.01,
            "slack_signing_secret": SIGNING_SECRET,
            "slack_api_base": slack_api.api_base,
            "slack_update_interval": 0.05,
        }
        values.update(overrides)
        return Settings(**values)

    return build


TOKEN_KEY = base64.b64encode(b"slack-token-key-for-the-tests!!!").decode()  # 32 bytes: workspace tokens sealed


@pytest.fixture
def oauth_settings() -> dict[str, Any]:
    return {"slack_client_id": CLIENT_ID, "slack_client_secret": CLIENT_SECRET, "token_key": TOKEN_KEY}


@pytest.fixture
def serve(slack_api: SlackApiStandIn) -> Callable[[Settings], Any]:
    """``async with serve(settings) as slack:`` — Page Magic with the Bolt app, and a sender."""
    import contextlib

    @contextlib.asynccontextmanager
    async def run(settings: Settings) -> AsyncIterator[Slack]:
        async with runtime(settings, explicit_port=True, extra_routes=[slack_routes(settings)]) as rt:
            slack = Slack(rt, slack_api)
            try:
                yield slack
            finally:
                await slack.close()

    return run
