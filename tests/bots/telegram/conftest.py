"""A running bot against the local Bot API stand-in, through either driver, polling or webhook."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from bots.telegram.limiter import Limits, RateLimiter
from bots.telegram.service import TelegramService
from bots.wiring import Runtime, runtime
from core.settings import Settings
from tests.standins.telegram_api import TelegramStandIn

# Telegram's real limits make a scenario last seconds per message; the scenario tests
# run the same limiter with short intervals, the load test with the real ones.
FAST = Limits(per_chat_interval=0.05, group_per_minute=1000, global_per_second=1000)


@dataclass
class Bot:
    standin: TelegramStandIn
    runtime: Runtime
    service: TelegramService


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
async def standin() -> AsyncIterator[TelegramStandIn]:
    async with TelegramStandIn() as server:
        yield server


BotFactory = Callable[..., contextlib.AbstractAsyncContextManager[Bot]]


@pytest.fixture
def start_bot(standin: TelegramStandIn, settings_for: Callable[..., Settings]) -> BotFactory:
    """``async with start_bot(driver="ptb", webhook=True) as bot:`` — what ``pagemagic serve`` runs."""

    @contextlib.asynccontextmanager
    async def start(
        driver: str = "aiogram", webhook: bool = False, limits: Limits = FAST, poll_lease: float = 15.0,
        **overrides: Any,
    ) -> AsyncIterator[Bot]:
        port = free_port()
        values: dict[str, Any] = {
            "port": port,
            "public_url": "https://preview.pagemagic.test",
            "telegram_token": standin.token,
            "telegram_driver": driver,
            "telegram_api_base": standin.url,
        }
        if webhook:
            values["telegram_webhook_url"] = "https://bot.pagemagic.test/telegram/hook"
            values["telegram_webhook_secret"] = "s3cret-header-value"
            standin.webhook_target = f"http://127.0.0.1:{port}"
        values.update(overrides)
        settings = settings_for(**values)
        service = TelegramService(settings, RateLimiter(limits), poll_lease_seconds=poll_lease)
        async with runtime(settings, explicit_port=True, extra_routes=[service.routes]) as rt:
            await service.start(rt.studio)
            try:
                yield Bot(standin, rt, service)
            finally:
                await service.stop()

    return start


async def barrier(standin: TelegramStandIn, chat_id: int = 9999) -> None:
    """Another user describes a site and gets it: whatever updates arrived before (a redelivered
    or refused one) would have started by then, and shown itself with a chat action or a message.
    Condition, not a sleep: it waits exactly as long as one whole generation takes."""
    standin.send_text(chat_id, "A flower shop in Porto with a gallery and contact")
    await standin.wait_for(lambda: standin.with_buttons(chat_id, "pm:publish"))
