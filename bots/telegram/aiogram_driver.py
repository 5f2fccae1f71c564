"""The aiogram 3 driver: a ``Router`` any aiogram bot can include, and the ``BotApi`` on an aiogram ``Bot``.

Only this module imports aiogram. It converts; the adapter decides.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable
from typing import Any, TypeVar

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand as AiogramCommand,
)
from aiogram.types import (
    BotCommandScopeDefault,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    WebAppInfo,
)
from aiogram.utils.token import TokenValidationError
from aiohttp import ClientError
from pydantic import ValidationError

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


class AiogramApi:
    """``BotApi`` on an aiogram ``Bot``; aiogram's exceptions become ours here and nowhere else."""

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
                text=html,
                chat_id=chat_id,
                message_id=message_id,
                parse_mode=HTML,
                reply_markup=_markup(keyboard),
            )
        )

    async def send_document(self, chat_id: int, filename: str, data: bytes, caption: str) -> None:
        await _mapped(self.bot.send_document(chat_id, BufferedInputFile(data, filename), caption=caption, parse_mode=HTML))

    async def send_photo(self, chat_id: int, filename: str, data: bytes, caption: str) -> None:
        await _mapped(self.bot.send_photo(chat_id, BufferedInputFile(data, filename), caption=caption, parse_mode=HTML))

    async def chat_roles(self, chat_id: int) -> dict[int, str]:
        members = await _mapped(self.bot.get_chat_administrators(chat_id))
        return {m.user.id: "owner" if m.status == "creator" else "admin" for m in members}

    async def send_draft(self, chat_id: int, draft_id: int, html: str) -> None:
        await _mapped(
            self.bot.send_message_draft(chat_id=chat_id, draft_id=draft_id, text=html, parse_mode=HTML)
        )

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        await _mapped(self.bot.answer_callback_query(callback_id, text=text))

    async def send_typing(self, chat_id: int) -> None:
        await _mapped(self.bot.send_chat_action(chat_id, "typing"))

    async def download(self, file_id: str, limit: int) -> bytes:
        try:
            file = await _mapped(self.bot.get_file(file_id))
            if file.file_size is not None and file.file_size > limit:
                raise ImageRejected("too_big", size=file.file_size, limit=limit)
            if not file.file_path:
                raise ImageRejected("download")
            buffer = await self.bot.download_file(file.file_path, timeout=60)
        except BadRequest as error:  # "file is too big" past the Bot API's 20 MB
            reason = "too_big" if "too big" in error.detail else "download"
            raise ImageRejected(reason, limit=limit) from error
        except (TelegramError, ClientError, TimeoutError) as error:
            raise ImageRejected("download") from error
        data = buffer.read() if buffer is not None else b""
        if len(data) > limit:
            raise ImageRejected("too_big", size=len(data), limit=limit)
        return data

    async def set_commands(self, commands: list[BotCommand], language_code: str | None) -> None:
        await _mapped(
            self.bot.set_my_commands(
                [AiogramCommand(command=c.command, description=c.description) for c in commands],
                scope=BotCommandScopeDefault(),
                language_code=language_code,
            )
        )

    async def set_webhook(self, url: str, secret: str, allowed_updates: list[str]) -> None:
        await _mapped(self.bot.set_webhook(url, secret_token=secret, allowed_updates=allowed_updates))

    async def delete_webhook(self) -> None:
        await _mapped(self.bot.delete_webhook())


async def _mapped(call: Awaitable[T]) -> T:
    try:
        return await call
    except TelegramRetryAfter as error:
        raise RetryAfter(float(error.retry_after)) from error
    except TelegramForbiddenError as error:
        raise ChatUnreachable(error.message) from error
    except TelegramUnauthorizedError as error:
        raise TelegramTokenRejected(error.message) from error
    except TelegramNotFound as error:
        raise MethodUnavailable(error.message) from error
    except TelegramBadRequest as error:
        raise BadRequest(error.message) from error
    except TelegramAPIError as error:  # network errors, 5xx
        raise TelegramError(f"{type(error).__name__}: {error.message}") from error


def _markup(keyboard: Keyboard | None) -> InlineKeyboardMarkup | None:
    if keyboard is None:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=b.label, callback_data=b.callback, url=b.url,
                    web_app=WebAppInfo(url=b.web_app) if b.web_app else None,
                )
                for b in row
            ]
            for row in keyboard
        ]
    )


# -- updates in ------------------------------------------------------------------------------


def incoming_message(message: Message, update_id: int, bot_id: int) -> IncomingMessage:
    return message_from(message, update_id, bot_id, str(message.content_type))


def incoming_callback(query: CallbackQuery, update_id: int) -> IncomingCallback:
    return callback_from(query, update_id)


def aiogram_router(adapter: TelegramAdapter) -> Router:
    """Our handlers as a Router: ``dispatcher.include_router(aiogram_router(adapter))`` mounts Page Magic."""
    router = Router(name="pagemagic")

    @router.message()
    async def on_message(message: Message, event_update: Update, bot: Bot) -> None:
        await adapter.handle_message(incoming_message(message, event_update.update_id, bot.id))

    @router.callback_query()
    async def on_callback(query: CallbackQuery, event_update: Update) -> None:
        await adapter.handle_callback(incoming_callback(query, event_update.update_id))

    return router


# -- running it -------------------------------------------------------------------------------


class AiogramDriver:
    """Bot, dispatcher and polling task for ``pagemagic serve``."""

    def __init__(self, token: str, api_base: str) -> None:
        session = AiohttpSession(api=TelegramAPIServer.from_base(api_base))
        try:
            self.bot = Bot(token, session=session)
        except TokenValidationError as error:
            raise TelegramTokenRejected(
                "the token is not shaped like a bot token (digits:letters)"
            ) from error
        self.dispatcher = Dispatcher()
        self.api = AiogramApi(self.bot)
        self._polling: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self.api.get_me()

    def mount(self, adapter: TelegramAdapter) -> None:
        self.dispatcher.include_router(aiogram_router(adapter))

    async def start_polling(self, allowed_updates: list[str]) -> None:
        self._polling = asyncio.create_task(
            self.dispatcher.start_polling(
                self.bot, handle_signals=False, close_bot_session=False, allowed_updates=allowed_updates
            )
        )

    async def start_webhook(self) -> None:
        return None

    async def feed(self, update: dict[str, Any]) -> None:
        try:
            parsed = Update.model_validate(update, context={"bot": self.bot})
        except ValidationError as error:  # what feed_raw_update would have raised, mapped
            raise UpdateUnreadable(f"{error.error_count()} fields unreadable") from error
        await self.dispatcher.feed_update(self.bot, parsed)

    async def stop_updates(self) -> None:
        """Stop polling; handlers already running go on (the service drains them)."""
        if self._polling is not None and not self._polling.done():
            with contextlib.suppress(RuntimeError):  # "Polling is not started" if it never got going
                await self.dispatcher.stop_polling()
            with contextlib.suppress(asyncio.CancelledError):
                await self._polling

    async def close(self) -> None:
        await self.stop_updates()
        await self.bot.session.close()
