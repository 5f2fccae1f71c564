"""The neutral side of the Telegram boundary: what drivers hand the adapter, and what it asks of them.

Drivers turn their library's ``Update`` into ``IncomingMessage`` or
``IncomingCallback`` and implement ``BotApi`` with their library's ``Bot``.
Library exceptions are mapped into the small tree below at that boundary, so
the adapter never sees an aiogram or telegram type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from core.errors import PageMagicError

ChatKind = Literal["private", "group", "supergroup", "channel"]


@dataclass(frozen=True)
class BotIdentity:
    id: int
    username: str


@dataclass(frozen=True)
class Sender:
    id: int
    name: str
    language_code: str | None


IMAGE_NAME = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".avif", ".gif", ".bmp", ".tif", ".tiff")


@dataclass(frozen=True)
class Attachment:
    """A picture in a message: the largest ``photo`` size, or a ``document`` that says it is an image
    (full resolution, HEIC from iPhones included). Studio sniffs the bytes; nothing here is trusted."""

    file_id: str
    name: str
    size: int | None


@dataclass(frozen=True)
class IncomingMessage:
    """A message someone sent; ``text`` is None for stickers, voice, files and the like."""

    update_id: int
    chat_id: int
    chat_kind: ChatKind
    message_id: int
    sender: Sender
    text: str | None
    content: str = "text"  # "text", "sticker", "voice", "document", "photo", ...
    reply_to_bot: bool = False
    attachments: tuple[Attachment, ...] = ()
    caption: str | None = None
    media_group_id: str | None = None  # an album: its parts arrive as separate updates


@dataclass(frozen=True)
class IncomingCallback:
    """A press on one of our inline buttons."""

    update_id: int
    callback_id: str
    chat_id: int
    chat_kind: ChatKind
    sender: Sender
    data: str


class _UserShape(Protocol):
    """The Bot API ``User`` fields both libraries expose under the same names."""

    @property
    def id(self) -> int: ...
    @property
    def full_name(self) -> str: ...
    @property
    def language_code(self) -> str | None: ...


class _ChatShape(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def type(self) -> str: ...


class _FileShape(Protocol):
    @property
    def file_id(self) -> str: ...
    @property
    def file_size(self) -> int | None: ...


class _DocumentShape(_FileShape, Protocol):
    @property
    def file_name(self) -> str | None: ...
    @property
    def mime_type(self) -> str | None: ...


class _MessageShape(Protocol):
    @property
    def chat(self) -> _ChatShape: ...
    @property
    def message_id(self) -> int: ...
    @property
    def text(self) -> str | None: ...
    @property
    def from_user(self) -> _UserShape | None: ...
    @property
    def reply_to_message(self) -> _MessageShape | None: ...
    @property
    def caption(self) -> str | None: ...
    @property
    def media_group_id(self) -> str | None: ...


class _InChat(Protocol):
    """Anything that knows its chat, including an old message Telegram no longer shows."""

    @property
    def chat(self) -> _ChatShape: ...


class _CallbackShape(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def data(self) -> str | None: ...
    @property
    def from_user(self) -> _UserShape: ...
    @property
    def message(self) -> _InChat | None: ...


def chat_kind(value: str) -> ChatKind:
    return value if value in ("private", "group", "supergroup", "channel") else "group"  # type: ignore[return-value]


def message_from(message: _MessageShape, update_id: int, bot_id: int, content: str) -> IncomingMessage:
    """One converter for both drivers: aiogram and PTB mirror the Bot API's field names.

    ``content`` is the one thing each library spells differently (aiogram's
    ``content_type``, PTB's attachment attributes).
    """
    user = message.from_user
    reply = message.reply_to_message
    return IncomingMessage(
        update_id=update_id,
        chat_id=message.chat.id,
        chat_kind=chat_kind(message.chat.type),
        message_id=message.message_id,
        sender=Sender(
            user.id if user else message.chat.id,
            user.full_name if user else "",
            user.language_code if user else None,
        ),
        text=message.text,
        content=content,
        reply_to_bot=bool(reply and reply.from_user and reply.from_user.id == bot_id),
        attachments=attachments_of(message),
        caption=message.caption,
        media_group_id=message.media_group_id,
    )


def attachments_of(message: object) -> tuple[Attachment, ...]:
    """The picture a message carries: the largest photo size, or an image sent as a file."""
    photo = getattr(message, "photo", None)
    if photo:
        largest: _FileShape = max(photo, key=lambda size: size.width * size.height)
        return (Attachment(largest.file_id, "photo.jpg", largest.file_size),)
    document: _DocumentShape | None = getattr(message, "document", None)
    if document is not None:
        name = document.file_name or "file"
        if (document.mime_type or "").startswith("image/") or name.lower().endswith(IMAGE_NAME):
            return (Attachment(document.file_id, name, document.file_size),)
    return ()


def callback_from(query: _CallbackShape, update_id: int) -> IncomingCallback:
    chat = query.message.chat if query.message is not None else None
    user = query.from_user
    return IncomingCallback(
        update_id=update_id,
        callback_id=query.id,
        chat_id=chat.id if chat else user.id,
        chat_kind=chat_kind(chat.type) if chat else "private",
        sender=Sender(user.id, user.full_name, user.language_code),
        data=query.data or "",
    )


@dataclass(frozen=True)
class Button:
    """An inline button: ``callback`` data, a ``url`` to open, or a Mini App (``web_app``, an https URL
    Telegram opens inside the chat with signed ``initData``; private chats only)."""

    label: str
    callback: str | None = None
    url: str | None = None
    web_app: str | None = None


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class BotCommand:
    command: str
    description: str


class BotApi(Protocol):
    """The Bot API methods the adapter uses; text is always HTML with everything escaped."""

    async def get_me(self) -> BotIdentity: ...

    async def send_message(self, chat_id: int, html: str, keyboard: Keyboard | None = None) -> int: ...

    async def edit_message(
        self, chat_id: int, message_id: int, html: str, keyboard: Keyboard | None = None
    ) -> None: ...

    async def send_draft(self, chat_id: int, draft_id: int, html: str) -> None: ...

    async def send_document(self, chat_id: int, filename: str, data: bytes, caption: str) -> None: ...

    async def send_photo(self, chat_id: int, filename: str, data: bytes, caption: str) -> None:
        """``sendPhoto`` with the image uploaded (multipart) and an HTML caption (``/stats``'s chart)."""
        ...

    async def chat_roles(self, chat_id: int) -> dict[int, str]:
        """``getChatAdministrators`` as {user id: "owner" (the creator) or "admin"}."""
        ...

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None: ...

    async def send_typing(self, chat_id: int) -> None: ...

    async def download(self, file_id: str, limit: int) -> bytes:
        """``getFile`` then the file itself; ``ImageRejected`` when it is over ``limit`` or cannot be had."""
        ...

    async def set_commands(self, commands: list[BotCommand], language_code: str | None) -> None: ...

    async def set_webhook(self, url: str, secret: str, allowed_updates: list[str]) -> None: ...

    async def delete_webhook(self) -> None: ...


# -- the error tree at the boundary ------------------------------------------------------


class TelegramError(PageMagicError):
    """A Bot API call failed; subclasses say how the adapter should react."""

    code = "telegram_failed"


class TelegramTokenRejected(TelegramError):
    """The Bot API refused the token (401), or it is not shaped like one: start-up must stop."""

    code = "telegram_token_rejected"


class UpdateUnreadable(TelegramError):
    """An update (from behind the webhook's secret) the library cannot read: dropped with a warning."""

    code = "telegram_update_unreadable"


class ChatUnreachable(TelegramError):
    """403: the user blocked the bot, or it was removed from the group. Their site is kept."""

    code = "telegram_chat_unreachable"


class RetryAfter(TelegramError):
    """429: Telegram asks us to wait ``retry_after`` seconds before the next call."""

    code = "telegram_retry_after"

    def __init__(self, retry_after: float, detail: str = "") -> None:
        super().__init__(detail or f"retry after {retry_after}s", retry_after=retry_after)
        self.retry_after = retry_after


class BadRequest(TelegramError):
    """400 and other refusals: the request itself was wrong (message too long, not modified, ...)."""

    code = "telegram_bad_request"


class MethodUnavailable(TelegramError):
    """The Bot API server does not know the method (an older self-hosted server and ``sendMessageDraft``)."""

    code = "telegram_method_unavailable"
