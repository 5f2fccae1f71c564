"""The Telegram adapter: updates in, Studio calls, events out as Telegram messages.

Both drivers call ``handle_message`` and ``handle_callback`` with neutral
updates and give the adapter a ``BotApi``; this module decides what is
addressed to us, which language to answer in, how progress streams and what
the final message and its buttons look like. What a message *means* is
Studio's business.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html import escape as html_escape

from bots.telegram.commands import register_commands
from bots.telegram.limiter import RateLimiter
from bots.telegram.outbox import Outbox
from bots.telegram.port import (
    BotApi,
    BotIdentity,
    Button,
    ChatUnreachable,
    IncomingCallback,
    IncomingMessage,
    Keyboard,
    Sender,
    TelegramError,
)
from bots.telegram.progress import Progress
from bots.telegram.render import (
    callback_command,
    dashboard_button,
    final_line,
    is_progress,
    keyboard_for,
    progress_line,
    split_html,
)
from bots.telegram.seen import MemorySeen, SeenUpdates
from core.accounts.roles import needed_role
from core.commands import parse_command
from core.errors import PageMagicError
from core.events import Event, ExportReady, GenerationStarted, SectionReady, StatsChart
from core.i18n.locales import locale_from_tag
from core.images.upload import ImageUpload
from core.language import detect_language
from core.messages import say
from core.site.values import Language
from core.storage.records import ChatRef
from core.studio import Studio

log = logging.getLogger("pagemagic.telegram")
PLATFORM = "telegram"


@dataclass
class _Album:
    parts: list[IncomingMessage] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    collecting: bool = False


def language_of(code: str | None) -> Language | None:
    """Telegram's IETF tag as one of our locales: ``pt-br`` is Brazilian Portuguese, ``pt`` and
    ``pt-pt`` European; ``es-419`` Spanish, ``en-GB`` English; None for a language we don't speak."""
    return locale_from_tag(code)


class TelegramAdapter:
    def __init__(
        self,
        studio: Studio,
        api: BotApi,
        limiter: RateLimiter | None = None,
        *,
        identity: BotIdentity | None = None,
        drafts: bool = True,
        seen: SeenUpdates | None = None,
        album_wait: float = 1.5,
    ) -> None:
        self.studio = studio
        self.api = api
        self.outbox = Outbox(api, limiter or RateLimiter())
        self.drafts = drafts  # sendMessageDraft in private chats; off means edit-in-place everywhere
        self._identity = identity
        self._seen = seen or MemorySeen()
        self._running: set[asyncio.Task[object]] = set()
        self._draft_ids = itertools.count(1)
        self._albums: dict[tuple[int, str], _Album] = {}
        self.album_wait = album_wait

    async def identity(self) -> BotIdentity:
        if self._identity is None:
            self._identity = await self.api.get_me()
        return self._identity

    async def register_commands(self) -> None:
        """``setMyCommands``: the menu in the default language and in pt, en and es."""
        await register_commands(self.api)

    async def drain(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds for the answers being written (a clean shutdown)."""
        running = {task for task in self._running if task is not asyncio.current_task()}
        if running:
            await asyncio.wait(running, timeout=timeout)

    # -- updates ---------------------------------------------------------------------------

    async def handle_message(self, incoming: IncomingMessage) -> None:
        with self._tracked():
            await self._message(incoming)

    async def handle_callback(self, incoming: IncomingCallback) -> None:
        with self._tracked():
            await self._callback(incoming)

    @contextlib.contextmanager
    def _tracked(self) -> Iterator[None]:
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            yield
        finally:
            self._running.discard(task)  # type: ignore[arg-type,unused-ignore]

    async def _message(self, incoming: IncomingMessage) -> None:
        if incoming.chat_kind == "channel" or not await self._first_time(incoming.update_id):
            return
        group = incoming.chat_kind != "private"
        chat = self._chat(incoming.chat_id, incoming.sender, group)
        if incoming.attachments and incoming.media_group_id is not None:
            await self._album_part(incoming, chat, group)  # whether it is for us: once the album is whole
            return
        text = incoming.text
        if group:
            text = await self._addressed(incoming)
            if text is None:
                return
        if incoming.attachments:
            await self._images(chat, incoming.chat_id, group, [incoming])
            return
        if incoming.text is None:
            language = chat.language or "en"
            await self._send_final(incoming.chat_id, group, say(language, "unsupported_content"), None)
            return
        assert text is not None
        await self._converse(chat, incoming.chat_id, group, text)

    # -- photos ----------------------------------------------------------------------------------

    async def _album_part(self, incoming: IncomingMessage, chat: ChatRef, group: bool) -> None:
        """Telegram sends an album as one update per photo with the same ``media_group_id``: collect
        them until none has come for ``album_wait`` seconds, then hand them to Studio together."""
        key = (incoming.chat_id, incoming.media_group_id or "")
        album = self._albums.setdefault(key, _Album())
        album.parts.append(incoming)
        album.arrived.set()
        if album.collecting:
            return
        album.collecting = True
        while True:
            album.arrived.clear()
            try:
                await asyncio.wait_for(album.arrived.wait(), self.album_wait)
            except TimeoutError:
                break
        del self._albums[key]
        await self._images(chat, incoming.chat_id, group, album.parts)

    async def _images(self, chat: ChatRef, chat_id: int, group: bool, parts: list[IncomingMessage]) -> None:
        """Hand pictures to Studio. In a group, as with text, only pictures meant for the bot: their
        caption mentions it (on an album, Telegram puts the caption on one part) or they reply to it."""
        if group:
            addressed = [words for part in parts if (words := await self._addressed(part)) is not None]
            if not addressed:
                return
            caption = next((words for words in addressed if words), "")
        else:
            caption = next((p.caption for p in parts if p.caption), "") or ""
        uploads = [
            ImageUpload(a.name, a.size, functools.partial(self.api.download, a.file_id))
            for p in parts
            for a in p.attachments
        ]
        await self._typing(chat_id)
        finals: list[Event] = []
        language: Language = chat.language or "en"
        async for event in self.studio.add_images(chat, uploads, caption):
            finals.append(event)
        if not finals:
            return
        keyboard: Keyboard | None = None
        for event in finals:
            keyboard = keyboard_for(event, language, self._dashboard(group, language)) or keyboard
        await self._send_final(chat_id, group, "\n".join(final_line(e) for e in finals), keyboard)

    async def _callback(self, incoming: IncomingCallback) -> None:
        if not await self._first_time(incoming.update_id):
            return
        try:
            await self.api.answer_callback(incoming.callback_id)
        except TelegramError as error:  # an unanswered spinner is cosmetic; the press still counts
            log.info("callback answer failed: %s", error.code)
        command = callback_command(incoming.data)
        if command is None:
            return
        chat = self._chat(incoming.chat_id, incoming.sender, incoming.chat_kind != "private")
        await self._converse(chat, incoming.chat_id, incoming.chat_kind != "private", command)

    # -- one exchange ------------------------------------------------------------------------

    async def _converse(self, chat: ChatRef, chat_id: int, group: bool, text: str) -> None:
        """Stream Studio's events for one message; every event is consumed even if the chat is gone,
        so a user who blocked the bot still gets their site stored."""
        draft_id = next(self._draft_ids) if self.drafts and not group else None
        progress = Progress(self.outbox, chat_id, group, draft_id)
        language: Language = chat.language or detect_language(text)
        shown: list[str] = []
        finals: list[Event] = []
        if not text.startswith("/"):
            await self._typing(chat_id)
        chat = await self._with_role(chat, chat_id, text)
        try:
            async for event in self.studio.message(chat, text):
                if isinstance(event, GenerationStarted):
                    language = event.language
                if is_progress(event):
                    progress.add(progress_line(event))
                    if isinstance(event, SectionReady):
                        shown.append(progress_line(event))
                elif isinstance(event, (ExportReady, StatsChart)):
                    await self._send_file(chat_id, event)
                else:
                    finals.append(event)
        finally:
            await progress.finish()
        if progress.drafts_unavailable:
            self.drafts = False
        if progress.unreachable or not finals:
            return
        keyboard: Keyboard | None = None
        for event in finals:
            keyboard = keyboard_for(event, language, self._dashboard(group, language)) or keyboard
        body = "\n".join(shown + ([""] if shown else []) + [final_line(e) for e in finals])
        await self._send_final(chat_id, group, body, keyboard, progress.message_id)

    def _dashboard(self, group: bool, language: Language) -> Button | None:
        """The dashboard button under previews: private chats only (a sign-in is a person's, never a group's)."""
        return None if group else dashboard_button(self.studio.accounts.public_url, language)

    async def _send_final(
        self, chat_id: int, group: bool, text: str, keyboard: Keyboard | None, edit_id: int | None = None
    ) -> None:
        """The lasting answer; long texts are split, and the buttons go under the last part."""
        chunks = split_html(text)
        try:
            for number, chunk in enumerate(chunks):
                buttons = keyboard if number == len(chunks) - 1 else None
                if number == 0 and edit_id is not None:
                    await self.outbox.edit(chat_id, group, edit_id, chunk, buttons)
                else:
                    await self.outbox.send(chat_id, group, chunk, buttons)
        except ChatUnreachable:
            log.info("chat %s blocked the bot or removed it; nothing more is sent there", chat_id)
        except TelegramError as error:
            log.warning("could not deliver an answer to chat %s: %s", chat_id, error.code)

    async def _typing(self, chat_id: int) -> None:
        try:
            await self.outbox.typing(chat_id)
        except TelegramError as error:
            log.debug("typing action failed: %s", error.code)

    # -- helpers -------------------------------------------------------------------------------

    async def _addressed(self, incoming: IncomingMessage) -> str | None:
        """In a group: the text (or a picture's caption) meant for us (a command, a mention, a reply
        to us), else None."""
        me = await self.identity()
        text = incoming.text if incoming.text is not None else incoming.caption
        if incoming.reply_to_bot:
            return text if text is not None else ""
        if text is None:
            return None
        if text.startswith("/"):
            head = text.split(maxsplit=1)[0]
            target = head.partition("@")[2]
            return text if not target or target.lower() == me.username.lower() else None
        mention = re.compile(rf"@{re.escape(me.username)}\b", re.IGNORECASE)
        if mention.search(text):
            return mention.sub("", text).strip()
        return None

    def _chat(self, chat_id: int, sender: Sender, group: bool = False) -> ChatRef:
        """A group's site belongs to the group's team account (``team``: the group's chat id)."""
        return ChatRef(
            platform=PLATFORM,
            chat_id=str(chat_id),
            user_id=str(sender.id),
            user_name=sender.name,
            language=language_of(sender.language_code),
            team=str(chat_id) if group else "",
        )

    async def _with_role(self, chat: ChatRef, chat_id: int, text: str) -> ChatRef:
        """In a group, what the sender is there (creator: owner, administrator: admin), asked of Telegram
        only for a command that needs more than a member (``getChatAdministrators``)."""
        if not chat.team:
            return chat
        try:
            command = parse_command(text.strip())
        except PageMagicError:
            return chat
        if command is None or needed_role(command.name, self.studio.config.publish_needs_admin) == "member":
            return chat
        try:
            roles = await self.api.chat_roles(chat_id)
        except TelegramError as error:
            log.info("getChatAdministrators failed in chat %s: %s", chat_id, error.code)
            return chat
        return replace(chat, role=roles.get(int(chat.user_id), "member"))

    async def _send_file(self, chat_id: int, event: ExportReady | StatsChart) -> None:
        try:
            if isinstance(event, StatsChart):
                await self.api.send_photo(chat_id, event.filename, event.png, html_escape(event.text))
            else:
                await self.api.send_document(chat_id, event.filename, event.data, html_escape(event.text))
        except TelegramError as error:
            log.warning("could not send a file to chat %s: %s", chat_id, error.code)

    async def _first_time(self, update_id: int) -> bool:
        """Telegram redelivers an update it thinks we missed; each one is handled once."""
        return await self._seen.first_time((await self.identity()).id, update_id)
