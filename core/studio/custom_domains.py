"""Custom domains: attach (with DNS proof when configured), check and remove."""

from __future__ import annotations

from collections.abc import AsyncIterator

from core.commands import DOMAIN_ACTIONS
from core.domain_flow import follow, records_text, status_event
from core.domains import check_allowed, normalise_domain
from core.errors import (
    ConfirmationExpired,
    DomainTaken,
)
from core.events import (
    Confirm,
    DomainStatus,
    Event,
    Reply,
)
from core.messages import say
from core.ports import (
    PublishTarget,
)
from core.site.values import Language
from core.storage.domains import DomainStore
from core.storage.records import ChatRef, ConversationRecord, SiteRecord
from core.storage.tables import DOMAIN_ENDED
from core.studio.base import StudioBase


class DomainsFlow(StudioBase):
    """Custom domains: attach, check, remove."""

    async def attach_domain(
        self, conversation: ConversationRecord, argument: str, language: Language, chat: ChatRef | None = None
    ) -> AsyncIterator[Event]:
        record = await self._site_of(conversation)
        if not argument:
            yield Reply(say(language, "error_domain_usage"), kind="usage_hint")
            return
        words = argument.split()
        if words[0].lower() == "confirm":
            argument = await self._confirmed_domain_change(chat, words[1:])
            words = argument.split()
        elif words[0].lower() != "check" and await self._second_factor_on(conversation, chat):
            yield await self._ask_domain_confirmation(conversation, chat, argument, language)
            return
        if words[0].lower() in DOMAIN_ACTIONS:
            stream = (
                self._check_domains(record, words[1:], language)
                if words[0].lower() == "check"
                else self._remove_domain(record, conversation, words[1:], language, chat)
            )
            async for event in stream:
                yield event
            return
        name = normalise_domain(words[0])
        check_allowed(name, self.config.base_domain, self.config.domain_deny)
        if self.domains is not None:
            async for event in self._attach_with_dns(record, conversation, name, language, chat):
                yield event
            return
        existing = {d.name for d in await self.store.domains_of(record.id)}
        if name not in existing:
            await self.quotas.check(conversation.user_id, "domains")
        target = PublishTarget(record.id, record.slug, record.current_version, conversation.plan)
        mapping = await self.hosting.map_domain(target, name)
        domain, created = await self.store.attach_domain(record.id, name, mapping.status)
        await self._audit("domain", record, conversation, chat, f"{name} {mapping.status}")
        if created:
            await self.meter.record(conversation.user_id, "domains", 1, record.id)
        text = say(language, "domain_attached_local", domain=name, server=mapping.server)
        if not created:
            text = say(language, "domain_already_yours", domain=name) + " " + text
        if await self.store.latest_deployment(record.id) is None:
            text += " " + say(language, "domain_needs_publish")
        yield DomainStatus(
            domain=domain.name,
            status="active" if mapping.status == "active" else "pending_dns",
            text=text,
            records=mapping.records,
        )

    # -- two-factor: a change waits for a button in the same chat --------------------------------

    async def _second_factor_on(self, conversation: ConversationRecord, chat: ChatRef | None) -> bool:
        """Two-factor on for the site's account or for the person typing: the change is sensitive."""
        if await self.accounts.two_factor.enabled(conversation.user_id):
            return True
        if chat is None:
            return False
        person = await self.accounts.directory.find(*chat.identity)
        return person is not None and await self.accounts.two_factor.enabled(person.user_id)

    async def _ask_domain_confirmation(
        self, conversation: ConversationRecord, chat: ChatRef | None, argument: str, language: Language
    ) -> Confirm:
        person = await self._person(conversation, chat)
        pending = await self.accounts.pending.ask(person, "domain", argument=" ".join(argument.split())[:250])
        command = f"/domain confirm {pending.nonce}"
        words = argument.split()
        removing = words[0].lower() == "remove"
        name = words[1] if removing and len(words) > 1 else words[0]
        if removing:
            text = say(language, "domain_confirm_remove", domain=name)
        else:
            text = say(language, "domain_confirm_attach", domain=name)
        text += "\n" + say(language, "confirm_hint", command=command)
        return Confirm(text=text, label=say(language, "button_confirm"), command=command)

    async def _confirmed_domain_change(self, chat: ChatRef | None, words: list[str]) -> str:
        """The change a button confirmed (``ConfirmationExpired`` if late, used, or pressed by someone else)."""
        pending = await self.accounts.pending.take(await self._person(None, chat), "domain", words[0] if words else "")
        return pending.argument

    async def _person(self, conversation: ConversationRecord | None, chat: ChatRef | None) -> int:
        """Whose confirmation it is: the person typing (their account), else the conversation's account."""
        if chat is not None:
            return await self.accounts.directory.account_for(*chat.identity, name=chat.user_name)
        if conversation is None:
            raise ConfirmationExpired("domain")
        return conversation.user_id

    async def _attach_with_dns(
        self,
        record: SiteRecord,
        conversation: ConversationRecord,
        name: str,
        language: Language,
        chat: ChatRef | None,
    ) -> AsyncIterator[Event]:
        """Attach pending DNS proof: nothing is routed until the TXT token and the pointer are right."""
        assert self.domains is not None
        owner = await self.store.site_for_domain(name)  # the site that proved it; a mere claim blocks no one
        if owner is not None and owner.id != record.id:
            raise DomainTaken(name, domain=name)  # before the quota: the clearer answer
        existing = {d.name for d in await self.store.domains_of(record.id) if d.status not in DOMAIN_ENDED}
        if name not in existing:
            await self.quotas.check(conversation.user_id, "domains")
        domain, created = await self.store.attach_domain(record.id, name, "pending_dns")
        await self._audit("domain", record, conversation, chat, f"{name} attached")
        if created:
            await self.meter.record(conversation.user_id, "domains", 1, record.id)
        await self.domains.attached(record.id, name)
        records = self.domains.records(record.slug, name, domain.token)
        progress = await self.domains.status(record.id, name)
        if not created and progress is not None and progress.status != "pending_dns":
            yield status_event(language, progress, records)
            return
        text = (say(language, "domain_already_yours", domain=name) + " " if not created else "") + say(
            language, "domain_attached", domain=name
        )
        text += "\n" + records_text(language, records)
        yield DomainStatus(domain=name, status="pending_dns", text=text, records=records)

    async def _check_domains(
        self, record: SiteRecord, names: list[str], language: Language
    ) -> AsyncIterator[Event]:
        attached = {d.name: d for d in await self.store.domains_of(record.id)}
        wanted = [normalise_domain(n) for n in names] or list(attached)
        if not wanted:
            yield Reply(say(language, "domain_none"), kind="usage_hint")
            return
        for name in wanted:
            if name not in attached:
                yield Reply(say(language, "domain_not_attached", domain=name), kind="domain_not_attached")
                continue
            if self.domains is None:
                server = self.hosting.site_url(record.slug).split("/s/", 1)[0]
                text = say(language, "domain_attached_local", domain=name, server=server)
                yield DomainStatus(domain=name, status="active", text=text)
                continue
            progress = await self.domains.check(record.id, name)
            async for event in follow(self.domains, record.id, progress, language, self.config.domain_wait):
                yield event

    async def _remove_domain(
        self,
        record: SiteRecord,
        conversation: ConversationRecord,
        names: list[str],
        language: Language,
        chat: ChatRef | None,
    ) -> AsyncIterator[Event]:
        if not names:
            yield Reply(say(language, "error_domain_remove_usage"), kind="usage_hint")
            return
        name = normalise_domain(names[0])
        mine = {d.name: d for d in await self.store.domains_of(record.id)}
        if name not in mine:
            yield Reply(say(language, "domain_not_attached", domain=name), kind="domain_not_attached")
            return
        if self.domains is not None and mine[name].held:  # a claim never had a route or a certificate of its own
            await self.domains.remove(record.slug, name)
        await DomainStore(self.store).remove(record.id, name)
        await self._audit("domain", record, conversation, chat, f"{name} removed")
        yield DomainStatus(domain=name, status="removed", text=say(language, "domain_removed", domain=name))
