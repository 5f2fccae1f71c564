"""Issue 14, item 7 on Telegram: ``/publish`` with Redis unreachable gets an answer, through aiogram.

Before, the handler died on the Redis error and the user got no reply at all.
"""

from __future__ import annotations

from sqlalchemy import select

from core.storage.tables import JobRow
from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn

CHAT = 7107
UNREACHABLE = "redis://127.0.0.1:1/0"


def _texts(standin: TelegramStandIn) -> list[str]:
    return [m["text"] for m in standin.sent(CHAT)]


async def test_publish_with_the_queue_unreachable_is_answered(start_bot: BotFactory, standin: TelegramStandIn) -> None:
    async with start_bot(driver="aiogram", redis_url=UNREACHABLE) as bot:
        standin.send_text(CHAT, "Uma padaria em Lisboa com menu e contacto", language_code="pt-BR")
        await standin.wait_for(lambda: standin.with_buttons(CHAT, "pm:publish"))
        standin.send_text(CHAT, "/publish", language_code="pt-BR")
        await standin.wait_for(lambda: any("na fila" in t and "de novo" in t for t in _texts(standin)))
        answer = next((t for t in _texts(standin) if "na fila" in t and "de novo" in t), "")
        assert answer.startswith("Não foi possível colocar /publish na fila"), answer  # Brazilian, as the user writes
        assert not any("publicada" in t for t in _texts(standin))

        standin.send_text(CHAT, "/history", language_code="pt-BR")
        await standin.wait_for(lambda: any("Não está no ar" in t for t in _texts(standin)))  # /history: the bot goes on
        async with bot.runtime.store.session() as session:
            states = list(await session.scalars(select(JobRow.state)))
        assert states == ["failed"], states
