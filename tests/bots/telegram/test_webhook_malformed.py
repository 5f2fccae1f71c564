"""An update behind the webhook's secret that the library cannot read is dropped with a warning,
not an exception and a traceback; the bot goes on. (Found by tests/bots/test_serve_fuzz.py:
``{"update_id": 0, "message": []}`` logged aiogram's ValidationError with a traceback.)"""

from __future__ import annotations

import logging

import pytest

from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn

UNREADABLE = [
    {"update_id": 1, "message": []},
    {"update_id": 2, "message": {"text": "no chat, no date"}},
    {"update_id": 3, "callback_query": 5},
]


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_an_unreadable_update_is_dropped_with_a_warning(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with start_bot(driver=driver, webhook=True):
        for update in UNREADABLE:
            assert await standin.deliver(update) == 200  # answered: Telegram would only send it again

        def dropped() -> list[logging.LogRecord]:
            return [r for r in caplog.records if "dropped: not an update" in r.getMessage()]

        await standin.wait_for(lambda: len(dropped()) == len(UNREADABLE))
        assert all(r.levelno == logging.WARNING and r.exc_info is None for r in dropped())
        standin.send_text(9400, "/help")  # and the next good update is answered
        await standin.wait_for(lambda: standin.sent(9400))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
