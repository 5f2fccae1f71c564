"""The python-telegram-bot 22 driver: handlers any PTB ``Application`` can add, and ``BotApi`` on a PTB ``Bot``.

Only this module imports ``telegram``. It converts; the adapter decides.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Awaitable
from typing import Any, TypeVar

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    WebAppInfo,
)
from telegram import BotCommand as PtbCommand
from telegram.error import (
    BadRequest as PtbBadRequest,
)
from telegram.error import (
    EndPointNotFound,
    Forbidden,
    InvalidToken,
)
from telegram.error import (
    RetryAfter as PtbRetryAfter,
)
from telegram.error import (
    TelegramError as PtbTelegramError,
)
from telegram.ext import Application, BaseHandler, CallbackQueryHandler, ContextTypes, MessageHandler, filters
from telegram.request import HTTPXRequest

from bots.telegram.adapter import TelegramAdapter
from bots.telegram.port import (
    BadRequest,
    BotCommand,
    BotIdentity,
    ChatUnreachable,
    IncomingCallback,
    IncomingMessage,
    Keyboard,
    MethodUnavailable,
    RetryAfter,
    TelegramError,
    TelegramTokenRejected,
    UpdateUnreadable,
    callback_from,
    message_from,
)
from core.errors import ImageRejected

T = TypeVar("T")
HTML = "HTML"
_ATTACHMENTS = (
    "sticker", "voice", "audio", "video", "video_note", "animation", "document", "photo",
    "location", "venue", "contact", "poll", "dice", "game", "story",
)  # fmt: skip


class PtbApi:
    """``BotApi`` on a PTB ``Bot``; PTB's exceptions become ours here and nowhere else."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def get_me(self) -> BotIdentity:
        me = await _mapped(self.bot.get_me())
        return BotIdentity(me.id, me.username or "")

    async def send_message(self, chat_id: int, html: str, keyboard: Keyboard | None = None) -> int:
        message = await _mapped(
            self.bot.send_message(chat_id, html, parse_mode=HTML, reply_markup=_markup(keyboard))
        )
        return message.message_id

    async def edit_message(
        self, chat_id: int, message_id: int, html: str, keyboard: Keyboard | None = None
    ) -> None:
        await _mapped(
            self.bot.edit_message_text(
                html, chat_id=chat_id, message_id=message_id, parse_mode=HTML, reply_markup=_markup(keyboard)
            )
        )

    async def send_document(self, chat_id: int, filename: str, data: bytes, caption: str) -> None:
        await _mapped(self.bot.send_document(chat_id, document=data, filename=filename, caption=caption, parse_mode=HTML))

    async def send_photo(self, chat_id: int, filename: str, data: bytes, caption: str) -> None:
        await _mapped(self.bot.send_photo(chat_id, photo=data, filename=filename, caption=caption, parse_mode=HTML))

    async def chat_roles(self, chat_id: int) -> dict[int, str]:
        members = await _mapped(self.bot.get_chat_administrators(chat_id))
        return {m.user.id: "owner" if m.status == "creator" else "admin" for m in members}

    async def send_draft(self, chat_id: int, draft_id: int, html: str) -> None:
        await _mapped(self.bot.send_message_draft(chat_id, draft_id, text=html, parse_mode=HTML))

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        await _mapped(self.bot.answer_callback_query(callback_id, text=text))

    async def send_typing(self, chat_id: int) -> None:
        await _mapped(self.bot.send_chat_action(chat_id, "typing"))

    async def download(self, file_id: str, limit: int) -> bytes:
        try:
            file = await _mapped(self.bot.get_file(file_id))
            if file.file_size is not None and file.file_size > limit:
                raise ImageRejected("too_big", size=file.file_size, limit=limit)
            data = bytes(await file.download_as_bytearray())
        except BadRequest as error:  # "file is too big" past the Bot API's 20 MB
            reason = "too_big" if "too big" in error.detail else "download"
            raise ImageRejected(reason, limit=limit) from error
        except (TelegramError, PtbTelegramError) as error:
            raise ImageRejected("download") from error
        if len(data) > limit:
            raise ImageRejected("too_big", size=len(data), limit=limit)
        return data

    async def set_commands(self, commands: list[BotCommand], language_code: str | None) -> None:
        await _mapped(
            self.bot.set_my_commands(
                [PtbCommand(c.command, c.description) for c in commands], language_code=language_code
            )
        )

    async def set_webhook(self, url: str, secret: str, allowed_updates: list[str]) -> None:
        await _mapped(self.bot.set_webhook(url, secret_token=secret, allowed_updates=allowed_updates))

    async def delete_webhook(self) -> None:
        await _mapped(self.bot.delete_webhook())


async def _mapped(call: Awaitable[T]) -> T:
    try:
        return await call
    except PtbRetryAfter as error:
        raise RetryAfter(_seconds(error)) from error
    except Forbidden as error:
        raise ChatUnreachable(error.message) from error
    except InvalidToken as error:
        raise TelegramTokenRejected(error.message) from error
    except EndPointNotFound as error:
        raise MethodUnavailable(error.message) from error
    except PtbBadRequest as error:
        raise BadRequest(error.message) from error
    except PtbTelegramError as error:  # network errors, time-outs, 5xx
        raise TelegramError(f"{type(error).__name__}: {error.message}") from error


def _seconds(error: PtbRetryAfter) -> float:
    """``retry_after`` as seconds, whether PTB hands out an int or (``PTB_TIMEDELTA``) a timedelta."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB's own int->timedelta migration notice
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def _markup(keyboard: Keyboard | None) -> InlineKeyboardMarkup | None:
    if keyboard is None:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    b.label, callback_data=b.callback, url=b.url, web_app=WebAppInfo(b.web_app) if b.web_app else None
                )
                for b in row
            ]
            for row in keyboard
        ]
    )


# -- updates in --------------------------------------------------------------------------------


def incoming_message(message: Message, update_id: int, bot_id: int) -> IncomingMessage:
    content = "text" if message.text is not None else _content(message)
    return message_from(message, update_id, bot_id, content)


def incoming_callback(update: Update) -> IncomingCallback:
    assert update.callback_query is not None
    return callback_from(update.callback_query, update.update_id)


def _content(message: Message) -> str:
    for name in _ATTACHMENTS:
        if getattr(message, name, None):
            return name
    return "other"


def ptb_handlers(adapter: TelegramAdapter) -> list[BaseHandler[Update, Any, Any]]:
    """Our handlers for ``application.add_handlers(ptb_handlers(adapter))`` in a PTB bot you already run."""

    async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await adapter.handle_message(incoming_message(update.message, update.update_id, context.bot.id))

    async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await adapter.handle_callback(incoming_callback(update))

    return [
        MessageHandler(filters.UpdateType.MESSAGE, on_message),
        CallbackQueryHandler(on_callback),
    ]


# -- running it -------------------------------------------------------------------------------


class PtbDriver:
    """Application (with or without its Updater) for ``pagemagic serve``."""

    def __init__(self, token: str, api_base: str, polling: bool) -> None:
        base = api_base.rstrip("/")
        # Our own request objects, so they are closed even when initialize() fails half-way.
        self._requests = [
            HTTPXRequest(connection_pool_size=64, pool_timeout=30),
            HTTPXRequest(connection_pool_size=2),
        ]
        builder = (
            Application.builder()
            .token(token)
            .base_url(f"{base}/bot")
            .base_file_url(f"{base}/file/bot")
            .request(self._requests[0])
            .get_updates_request(self._requests[1])
            .concurrent_updates(512)
        )
        if not polling:
            builder = builder.updater(None)
        self.app = builder.build()
        self.api = PtbApi(self.app.bot)

    def mount(self, adapter: TelegramAdapter) -> None:
        self.app.add_handlers(ptb_handlers(adapter))

    async def connect(self) -> None:
        try:
            await self.app.initialize()
        except InvalidToken as error:
            raise TelegramTokenRejected(error.message) from error
        except PtbTelegramError as error:
            raise TelegramError(f"{type(error).__name__}: {error.message}") from error

    async def start_polling(self, allowed_updates: list[str]) -> None:
        await self.app.start()
        assert self.app.updater is not None
        await self.app.updater.start_polling(allowed_updates=allowed_updates)

    async def start_webhook(self) -> None:
        await self.app.start()

    async def feed(self, update: dict[str, Any]) -> None:
        try:
            parsed = Update.de_json(update, self.app.bot)
        except (TypeError, ValueError, KeyError, AttributeError) as error:  # de_json trusts the shape it gets
            raise UpdateUnreadable(type(error).__name__) from error
        await self.app.update_queue.put(parsed)

    async def stop_updates(self) -> None:
        if self.app.updater is not None and self.app.updater.running:
            await self.app.updater.stop()

    async def close(self) -> None:
        await self.stop_updates()
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()
        for request in self._requests:
            await request.shutdown()
