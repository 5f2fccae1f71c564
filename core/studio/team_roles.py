"""Roles in shared chats: the check before a command, /role to grant one, and taking an account's
sites down when it is deleted (Studio holds the jobs and the domain port that needs)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import select

from core.accounts.roles import allows, needed_role, parse_role, strongest
from core.errors import NoSiteYet, NotAllowed, PageMagicError
from core.events import Event, Reply
from core.i18n.locales import stored_locale
from core.messages import say, say_in
from core.site.values import Language
from core.storage.domains import DomainStore
from core.storage.records import ChatRef, ConversationRecord
from core.storage.tables import SiteRow
from core.studio.publishing import PublishingFlow

_MENTION = ("<@", ">")


class TeamRolesFlow(PublishingFlow):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.account_flow.remove_sites = self.remove_account_sites

    async def _check_role(self, conversation: ConversationRecord, chat: ChatRef, command: str) -> None:
        """In a shared chat, refuse a command the person's role does not allow (``NotAllowed``)."""
        needed = needed_role(command, self.config.publish_needs_admin)
        if needed == "member":
            return
        directory = self.accounts.directory
        mine = await directory.find(*chat.identity)
        if mine is not None and mine.user_id == conversation.user_id:
            return  # a site this person started before team accounts: theirs
        granted = await directory.granted_role(conversation.user_id, *chat.identity)
        if not allows(strongest(chat.role, granted), needed):
            raise NotAllowed(command, say_in(_lang(conversation), "role", f"team_{needed}"))

    async def set_role(
        self, conversation: ConversationRecord, chat: ChatRef, argument: str, language: Language
    ) -> AsyncIterator[Event]:
        """``/role <person> owner|admin|member``: the team owner grants a role on top of the platform's."""
        words = argument.split()
        role = parse_role(words[-1]) if len(words) == 2 else None
        if not chat.team or role is None:
            yield Reply(say(language, "role_usage"), kind="usage_hint")
            return
        who = words[0]
        if who.startswith(_MENTION[0]):
            who = who[2:].rstrip(_MENTION[1]).split("|", 1)[0]
        await self.accounts.directory.grant(conversation.user_id, chat.platform, chat.workspace, who, role)
        await self.accounts.record("role", conversation.user_id, f"{chat.platform}:{who} -> {role}")
        yield Reply(say(language, "role_set", who=words[0], role=say_in(language, "role", f"team_{role}")), kind="role_set")

    async def publish_site(self, user_id: int, site_id: int, actor: ChatRef) -> AsyncIterator[Event]:
        """/publish for one of the account's sites, asked through the API (``actor``: the token's label).

        The same flow, quotas, job and audit as from a chat; another account's site is ``NoSiteYet``.
        """
        record = await self.store.site(site_id)
        account = await self.accounts.directory.account(user_id)
        if record.owner_id != user_id or account is None:
            raise NoSiteYet(str(site_id))
        conversation = ConversationRecord(
            id=0, user_id=user_id, plan=account.plan, language=_locale(account.language), site_id=site_id
        )
        async for event in self.publish(conversation, conversation.language or "en", actor):
            yield event

    async def remove_account_sites(self, user_id: int) -> int:
        """Take every site of the account offline (a job each, like /unpublish), remove its domains
        (routes and certificates), and leave the rows to the account's erasure."""
        async with self.store.session() as session:
            sites = list(await session.scalars(select(SiteRow).where(SiteRow.owner_id == user_id)))
        for site in sites:
            for domain in await self.store.domains_of(site.id):
                if self.domains is not None:
                    await self.domains.remove(site.slug, domain.name)
                await DomainStore(self.store).remove(site.id, domain.name)
            if await self.store.is_online(site.id):
                job, _created = await self.jobs.submit("unpublish", site.id, site.current_version)
                await self.queue.submit(job.id)
                final = None
                async for _state, current in self._follow(job.id):
                    final = current
                if final is None or final.state != "removed":
                    raise PageMagicError(f"site {site.slug} could not be taken offline: {final.state if final else 'queued'}")
            await self.hosting.forget(site.slug)
        await self.meter.flush()  # usage counted so far is stored now, and goes with the account's rows
        return len(sites)


def _locale(value: str | None) -> Language | None:
    return stored_locale(value)


def _lang(conversation: ConversationRecord) -> Language:
    return conversation.language or "en"
