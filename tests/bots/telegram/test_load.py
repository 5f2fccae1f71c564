"""Fifty chats describing sites at once, under Telegram's real limits."""

from __future__ import annotations

import pytest

from bots.telegram.limiter import TELEGRAM_LIMITS
from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import MESSAGE_METHODS, TelegramStandIn

CHATS = range(20_001, 20_051)
DESCRIPTIONS = (
    "A bakery in Lisbon with a menu and opening hours",
    "Uma clínica dentária no Porto com serviços e contacto",
    "Una taquería en Ciudad de México con menú y horario",
    "A yoga studio in Berlin with pricing and a FAQ",
    "Um cabeleireiro em Braga com preços e galeria",
)


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_fifty_chats_at_once_hold_every_limit(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver, limits=TELEGRAM_LIMITS):
        for n, chat in enumerate(CHATS):
            standin.send_text(
                chat, DESCRIPTIONS[n % len(DESCRIPTIONS)], language_code=("en", "pt", "es")[n % 3]
            )
        await standin.wait_for(lambda: all(standin.with_buttons(c, "pm:publish") for c in CHATS), timeout=40)
    assert standin.limit_violations() == [], "1/s per chat, 30/s overall"
    for chat in CHATS:
        finals = standin.with_buttons(chat, "pm:publish")
        assert len(finals) == 1, f"chat {chat} got exactly one final message"
    statuses = [c.status for c in standin.calls if c.method in MESSAGE_METHODS]
    assert statuses and set(statuses) == {200}
