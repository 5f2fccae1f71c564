"""Studio: the one engine every chat adapter calls.

Adapters hand Studio a ``ChatRef`` and the user's text; Studio yields typed
events (``core.events``) with messages already in the user's language. It
owns the rules: what a message means, when a version is stored, what a quota
allows. Errors from below are ``PageMagicError`` and end as one ``Failed``
event; the stored draft and history are never touched by a failure.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from core.commands import LEAVE, parse_command, plain_command
from core.errors import (
    EmptyMessage,
    MessageTooLong,
    PageMagicError,
)
from core.events import (
    Event,
    Reply,
)
from core.images.upload import ImageUpload
from core.language import choose_locale, detect_language
from core.message_text import clean_message
from core.messages import say
from core.observability.context import ensure_request_id
from core.observability.logging import get_logger
from core.site.values import Language
from core.storage.records import ChatRef, ConversationRecord
from core.studio.account_flow import ACCOUNT_COMMANDS
from core.studio.base import _Conversation
from core.studio.custom_domains import DomainsFlow
from core.studio.language_choice import choose_language
from core.studio.open_site import OpenSiteFlow
from core.studio.publishing import PublishingFlow
from core.studio.spending import SpendingFlow
from core.studio.team_roles import TeamRolesFlow
from core.studio.usage_report import UsageFlow
from core.studio.versions import VersionsFlow

log = get_logger("pagemagic.studio")
_Body = Callable[[ConversationRecord, ChatRef, Language, asyncio.Event], AsyncIterator[Event]]


class Studio(TeamRolesFlow, OpenSiteFlow, VersionsFlow, PublishingFlow, DomainsFlow, UsageFlow, SpendingFlow):
    """The single entry point adapters call: ``message`` turns a chat message into events."""

    # -- the entry point adapters use ---------------------------------------------

    async def message(self, chat: ChatRef, text: str) -> AsyncIterator[Event]:
        """Handle one chat message (a command or a description/refinement).

        A message arriving while an earlier one of the same conversation is
        still generating cancels that one first; it stops at the next event,
        stores nothing and reports ``Cancelled``.
        """
        async for event in self._conversation_turn(chat, text, self._dispatch_text(chat, text)):
            yield event

    async def add_images(self, chat: ChatRef, uploads: list[ImageUpload], caption: str = "") -> AsyncIterator[Event]:
        """Photos (or a logo) sent in the chat, with their caption: stored, placed, a new version.

        Runs in the conversation's turn like a message (it waits for a running
        generation of the same chat, and a later message cancels nothing of it).
        """

        async def body(
            conversation: ConversationRecord, chat: ChatRef, language: Language, cancel: asyncio.Event
        ) -> AsyncIterator[Event]:
            if self.image_flow is None:
                yield Reply(say(language, "unsupported_content"), kind="unsupported")
                return
            if caption.strip():  # a caption is words like a message: the same choice of locale (not stored)
                language = choose_locale(
                    caption, current=conversation.language, platform=chat.language, chosen=conversation.language_chosen
                )
            async for event in self.image_flow.add(conversation, uploads, caption, language):
                yield event

        async for event in self._conversation_turn(chat, caption, body, cancels=False):
            yield event

    def _dispatch_text(self, chat: ChatRef, text: str) -> _Body:
        async def body(
            conversation: ConversationRecord, chat: ChatRef, language: Language, cancel: asyncio.Event
        ) -> AsyncIterator[Event]:
            async for event in self._dispatch(conversation, chat, text, language, cancel):
                yield event

        return body

    async def _conversation_turn(
        self, chat: ChatRef, text: str, body: _Body, cancels: bool = True
    ) -> AsyncIterator[Event]:
        """One turn of a conversation: the lock, cancelling a running generation, errors as ``Failed``."""
        request_id = ensure_request_id()
        self.metrics.chat_message(chat.platform)
        log.info("chat_message", platform=chat.platform, chat=chat.chat_id, request_id=request_id)
        language: Language = chat.language or "en"
        conversation: ConversationRecord | None = None
        try:
            state = self._conversations.setdefault((chat.platform, chat.workspace, chat.chat_id), _Conversation())
            if state.cancel is not None and cancels:
                state.cancel.set()
            seen = state.finished
            conversation = await self.store.conversation(chat, self.config.default_plan)
            language = conversation.language or language
            async with state.lock:
                cancel = asyncio.Event()
                state.cancel = cancel
                try:
                    if state.finished != seen:  # an earlier message ended meanwhile: a new site, a new language
                        conversation = await self.store.conversation(chat, self.config.default_plan)
                        language = conversation.language or language
                    async for event in body(conversation, chat, language, cancel):
                        yield event
                    async for event in self._alerts(conversation, chat, language):
                        yield event
                finally:
                    if state.cancel is cancel:
                        state.cancel = None
                    state.finished += 1
        except PageMagicError as error:
            said = clean_message(text)
            if said and not said.startswith("/"):
                # A first message fails before the conversation's language is stored:
                # answer in the language it was written in.
                language = detect_language(said[:2000], default=language)
            if error.code in ("quota_exceeded", "spending_cap_reached"):
                self.metrics.refused(f"{error.code}:{error.params.get('metric', '')}")
            log.info("chat_failed", platform=chat.platform, chat=chat.chat_id, code=error.code, detail=error.detail)
            failed = self._failed(error, language)
            if conversation is not None and error.code in ("quota_exceeded", "spending_cap_reached"):
                failed = await self._with_upgrade(failed, conversation, language)
            yield failed

    async def _dispatch(
        self,
        conversation: ConversationRecord,
        chat: ChatRef,
        raw: str,
        language: Language,
        cancel: asyncio.Event,
    ) -> AsyncIterator[Event]:
        text = clean_message(raw)  # invisible characters alone are an empty message
        if not text:
            raise EmptyMessage()
        if len(text) > self.config.max_message_chars:
            language = detect_language(text[:2000], default=language)
            raise MessageTooLong(length=len(text), limit=self.config.max_message_chars, language=language)
        command = parse_command(text) or plain_command(text)
        if command is not None and chat.team:
            await self._check_role(conversation, chat, command.name)
        if command is None:
            detected = choose_locale(
                text, current=conversation.language, platform=chat.language, chosen=conversation.language_chosen
            )
            if detected != conversation.language:
                await self.store.set_language(conversation.id, detected)
            language = detected
            await self.store.add_turn(conversation.id, "user", text)
            if conversation.site_id is None:
                stream = self.describe(conversation, text, language, cancel)
            else:
                stream = self.about_open_site(conversation, text, language, cancel)
        elif command.name == "help":
            stream = self._single(Reply(help_text(chat.platform, language), kind="help"))
        elif command.name == "start":  # a front door's first message (Telegram): the greeting, then help
            welcome = await self.welcome(chat)
            stream = self._single(Reply(welcome.text + "\n\n" + help_text(chat.platform, language), kind="help"))
        elif command.name == "new":
            stream = self.new(conversation, language)
        elif command.name == "undo":
            stream = self.undo(conversation, language)
        elif command.name == "redo":
            stream = self.redo(conversation, language)
        elif command.name == "history":
            stream = self.history(conversation, language)
        elif command.name == "publish":
            stream = self.publish(conversation, language, chat)
        elif command.name == "unpublish":
            stream = self.unpublish(conversation, language, chat)
        elif command.name == "domain":
            stream = self.attach_domain(conversation, command.argument, language, chat)
        elif command.name == "upgrade":
            stream = self.upgrade(conversation, language)
        elif command.name == "language":
            stream = choose_language(self.store, conversation, command.argument, language)
        elif command.name in ACCOUNT_COMMANDS:
            stream = self.account_flow.handle(command.name, command.argument, conversation, chat, language)
        elif command.name == "stats":
            stream = self.stats_flow.stats(conversation, command.argument, language)
        elif command.name == "role":
            stream = self.set_role(conversation, chat, command.argument, language)
        else:
            stream = self.usage(conversation, language)
        async for event in stream:
            yield event


def help_text(platform: str, language: Language) -> str:
    """/help: every chat command, plus the way out on a front door that has one (the terminal's /quit)."""
    text = say(language, "help")
    if platform in LEAVE:
        text += "\n" + say(language, "help_leave", command=LEAVE[platform][0])
    return text
