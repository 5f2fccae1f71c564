"""The Telegram stand-in refuses what the Bot API refuses: each rule shown by a wrong call made with
the real aiogram client, failing with Telegram's error description."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from tests.standins.telegram_api import TelegramStandIn


@pytest.fixture
async def telegram() -> AsyncIterator[tuple[TelegramStandIn, Bot]]:
    async with TelegramStandIn() as standin:
        session = AiohttpSession(api=TelegramAPIServer.from_base(standin.url))
        bot = Bot(standin.token, session=session)
        try:
            yield standin, bot
        finally:
            await bot.session.close()


async def test_set_webhook_refuses_plain_http_and_odd_ports(telegram: tuple[TelegramStandIn, Bot]) -> None:
    standin, bot = telegram
    with pytest.raises(TelegramBadRequest, match="An HTTPS URL must be provided for webhook"):
        await bot.set_webhook("http://bot.pagemagic.test/telegram/hook")
    with pytest.raises(TelegramBadRequest, match="only on ports 80, 88, 443 or 8443"):
        await bot.set_webhook("https://bot.pagemagic.test:8080/telegram/hook")
    assert standin.webhook is None
    assert await bot.set_webhook("https://bot.pagemagic.test:8443/telegram/hook")


async def test_answer_callback_query_needs_a_query_that_was_pressed_and_not_answered(
    telegram: tuple[TelegramStandIn, Bot],
) -> None:
    standin, bot = telegram
    with pytest.raises(TelegramBadRequest, match="query ID is invalid"):
        await bot.answer_callback_query("4242")
    sent = await bot.send_message(7, "pick", reply_markup=InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="go", callback_data="go")]]))
    query_id = standin.press(7, sent.message_id, "go")["callback_query"]["id"]
    assert await bot.answer_callback_query(query_id)
    with pytest.raises(TelegramBadRequest, match="query ID is invalid"):
        await bot.answer_callback_query(query_id)  # once only


async def test_callback_data_over_64_bytes_is_button_data_invalid(telegram: tuple[TelegramStandIn, Bot]) -> None:
    standin, bot = telegram
    too_long = "publish:" + "é" * 29  # 66 bytes in UTF-8, 37 characters
    keyboard = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="go", callback_data=too_long)]])
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(7, "pick", reply_markup=keyboard)
    assert standin.sent(7) == []
