"""Page Magic as `pagemagic serve` runs it, with the Telegram and Slack stand-ins, an SMTP sink and
(for the browser tests) Debian's chromium driven by Playwright."""

from __future__ import annotations

import asyncio
import contextlib
import re
import secrets
import shutil
from collections.abc import AsyncIterator, Callable
from email import message_from_bytes
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller

from bots.slack.app import slack_routes
from bots.telegram.limiter import RateLimiter
from bots.telegram.service import TelegramService
from bots.wiring import Runtime, runtime
from core.settings import Settings
from tests.bots.slack.conftest import SIGNING_SECRET, Slack
from tests.bots.telegram.conftest import FAST, free_port
from tests.standins.slack_api import CLIENT_ID, CLIENT_SECRET, SlackApiStandIn
from tests.standins.telegram_api import TelegramStandIn

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]


class Mailbox:
    """An SMTP sink on 127.0.0.1 (aiosmtpd): what the server sent, as parsed messages."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def links(self) -> list[str]:
        found = []
        for message in self.messages:
            found += re.findall(r"https?://\S+", message.get_payload(decode=True).decode())
        return found


@pytest.fixture
def mailbox() -> Any:
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield box, controller.port
    finally:
        controller.stop()


@pytest.fixture
async def slack_api() -> AsyncIterator[SlackApiStandIn]:
    api = SlackApiStandIn()
    await api.start()
    try:
        yield api
    finally:
        await api.stop()


@pytest.fixture
async def telegram() -> AsyncIterator[TelegramStandIn]:
    async with TelegramStandIn() as server:
        yield server


class Served:
    def __init__(self, rt: Runtime, telegram: TelegramStandIn, slack: Slack, http: httpx.AsyncClient) -> None:
        self.rt = rt
        self.telegram = telegram
        self.slack = slack
        self.http = http

    @property
    def url(self) -> str:
        return self.rt.base_url


@pytest.fixture
def serve(
    telegram: TelegramStandIn, slack_api: SlackApiStandIn, settings_for: Callable[..., Settings], mailbox: Any
) -> Callable[..., contextlib.AbstractAsyncContextManager[Served]]:
    """What `pagemagic serve` runs: the server with the web front door, the Telegram bot and the Slack app."""

    @contextlib.asynccontextmanager
    async def run(host: str = "127.0.0.1", **overrides: Any) -> AsyncIterator[Served]:
        """``host``: the name in PUBLIC_URL (WebAuthn wants a domain, so the passkey test says "localhost")."""
        port = free_port()
        workspace = slack_api.add_workspace("T0ACME")
        values: dict[str, Any] = {
            "slack_bot_token": workspace.bot_token,
            "port": port, "public_url": f"http://{host}:{port}", "generator_delay": 0.0,
            "telegram_token": telegram.token, "telegram_api_base": telegram.url,
            "slack_signing_secret": SIGNING_SECRET, "slack_api_base": slack_api.api_base,
            "slack_client_id": CLIENT_ID, "slack_client_secret": CLIENT_SECRET, "slack_oauth_base": slack_api.url,
            "slack_update_interval": 0.05, "smtp_host": "127.0.0.1", "smtp_port": mailbox[1], "smtp_starttls": False,
        }
        values.update(overrides)
        settings = settings_for(**values)
        service = TelegramService(settings, RateLimiter(FAST))
        async with runtime(settings, explicit_port=True, extra_routes=[service.routes, slack_routes(settings)]) as rt:
            await service.start(rt.studio)
            slack = Slack(rt, slack_api)
            try:
                async with httpx.AsyncClient(base_url=rt.base_url, timeout=20) as http:
                    yield Served(rt, telegram, slack, http)
            finally:
                await slack.close()
                await service.stop()

    return run


async def wait_for(condition: Callable[[], Any], timeout: float = 20.0) -> Any:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        value = condition()
        if value:
            return value
        await asyncio.sleep(0.02)
    raise AssertionError("timed out")


def new_profile(tmp_path: Path) -> str:
    path = tmp_path / f"chromium-{secrets.token_hex(4)}"
    path.mkdir()
    return str(path)
