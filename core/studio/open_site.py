"""The open site: which one a conversation is on, said in the greeting, and what a message means for it.

A conversation keeps its site open across restarts and days; the greeting says which it is and
how to start another, and ``core.new_business`` decides whether a description is about it or
about another business (then a new site is made and the open one is kept as it was).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

from core.events import Event, Reply
from core.messages import say
from core.new_business import read_against_site
from core.site.values import Language
from core.storage.records import ChatRef, ConversationRecord, SiteRecord
from core.studio.generation import GenerationFlow


@dataclass(frozen=True)
class Greeting:
    """The greeting's text, and the language it is in (a front door adds its own lines in it)."""

    text: str
    language: Language


class OpenSiteFlow(GenerationFlow):
    """The greeting, and describe-or-refine for a conversation that already has a site."""

    async def welcome(self, chat: ChatRef) -> Greeting:
        """The first words of a front door: what to do, and which site is open (if one is)."""
        conversation = await self.store.conversation(chat, self.config.default_plan)
        language: Language = conversation.language or chat.language or "en"
        lines = [say(language, "welcome")]
        if conversation.site_id is not None:
            lines.append(await self._open_site_line(await self.store.site(conversation.site_id), language))
        return Greeting("\n".join(lines), language)

    async def _open_site_line(self, record: SiteRecord, language: Language) -> str:
        if await self.store.is_online(record.id):
            return say(
                language,
                "open_site_online",
                name=record.name,
                version=record.current_version,
                url=self.hosting.site_url(record.slug),
            )
        return say(language, "open_site", name=record.name, version=record.current_version)

    async def about_open_site(
        self, conversation: ConversationRecord, text: str, language: Language, cancel: asyncio.Event
    ) -> AsyncIterator[Event]:
        """A description or a change while a site is open: refine it, or start a site for another business."""
        assert conversation.site_id is not None
        record = await self.store.site(conversation.site_id)
        first = await self.store.version_info(record.id, 1)  # its instruction is the description the site began with
        current = await self.store.version(record.id, record.current_version)
        intent = read_against_site(text, current.site, first.instruction)
        if intent == "another_business":
            # The open site is kept as it is (and stays online); the new one becomes the open site
            # only once it is stored, so a failure leaves the conversation where it was.
            yield Reply(say(language, "another_business", name=record.name), kind="another_business")
            async for event in self.describe(conversation, text, language, cancel):
                yield event
        elif intent == "same_business":
            yield Reply(await self._open_site_line(record, language), kind="site_open")
        else:
            async for event in self.refine(conversation, text, language, cancel, opened=(record, current)):
                yield event
