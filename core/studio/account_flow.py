"""The account commands of every chat: /account, /link, /unlink, /dashboard, /email, /export,
/delete_account and, in shared chats, /role.

Account commands act on the *person's* account (found by the identity talking), which in a
private chat is also the owner of the conversation. In a shared chat (a Slack channel, a
Telegram group) they are refused, so codes and links are never posted where others read
them; only /role (owner) is answered there. Sensitive steps (linking two accounts, deleting
one) wait for a button in the same chat: that press is the chat's second factor.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Protocol

from core.accounts.records import IdentityRecord
from core.accounts.service import AccountService
from core.errors import AlreadyLinked, PageMagicError, TeamAccountCommand, UnknownIdentity
from core.events import Confirm, Event, ExportReady, Reply, SignInLink
from core.i18n.formatting import day_month
from core.messages import say, say_in
from core.site.values import Language
from core.storage.records import ChatRef, ConversationRecord
from core.storage.store import Store

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9.-]{1,189}\.[A-Za-z]{2,24}$")
ACCOUNT_COMMANDS = frozenset({"account", "link", "unlink", "dashboard", "email", "export", "delete_account"})


class MailPort(Protocol):
    """Sends one plain-text mail (``web/mail.py`` speaks SMTP)."""

    async def send(self, to: str, subject: str, body: str) -> None: ...


SiteRemover = Callable[[int], Awaitable[int]]  # account id -> sites taken offline and removed


def platform_name(language: Language, platform: str) -> str:
    try:
        return say_in(language, "platform", platform)
    except KeyError:
        return platform


def identity_label(language: Language, identity: IdentityRecord) -> str:
    name = platform_name(language, identity.platform)
    if identity.platform == "email":
        return f"{name} {identity.external_id}"
    if identity.workspace:
        return f"{name} ({identity.workspace})"
    return name


class AccountFlow:
    def __init__(self, store: Store, accounts: AccountService, mail: MailPort | None = None) -> None:
        self.store = store
        self.accounts = accounts
        self.mail = mail
        self.remove_sites: SiteRemover | None = None  # Studio hands its own (unpublish, domains, images)

    async def handle(
        self, command: str, argument: str, conversation: ConversationRecord, chat: ChatRef, language: Language
    ) -> AsyncIterator[Event]:
        if chat.team and command in ACCOUNT_COMMANDS:
            raise TeamAccountCommand(command)
        person = await self.accounts.directory.account_for(*chat.identity, name=chat.user_name)
        handler = {
            "account": self._account, "link": self._link, "unlink": self._unlink, "dashboard": self._dashboard,
            "email": self._email, "export": self._export, "delete_account": self._delete,
        }[command]
        async for event in handler(person, argument.strip(), chat, language):
            yield event

    # -- /account ------------------------------------------------------------------------------

    async def _account(self, person: int, _argument: str, chat: ChatRef, language: Language) -> AsyncIterator[Event]:
        account = await self.accounts.directory.account(person)
        identities = await self.accounts.directory.identities(person)
        sites = await self._site_count(person)
        lines = [f"{n}. {identity_label(language, i)}" + (" ←" if i.platform == chat.platform and i.external_id == chat.user_id else "")
                 for n, i in enumerate(identities, 1)]
        two_factor = await self.accounts.two_factor.enabled(person)
        text = say(
            language, "account_summary", plan=account.plan if account else "free", sites=sites,
            identities="\n".join(lines),
            two_factor=say(language, "account_two_factor_on") if two_factor else say(language, "account_two_factor_off"),
        )
        yield Reply(text, kind="account")

    async def _site_count(self, person: int) -> int:
        from sqlalchemy import func, select

        from core.storage.tables import SiteRow

        async with self.store.session() as session:
            return int(await session.scalar(select(func.count(SiteRow.id)).where(SiteRow.owner_id == person)) or 0)

    # -- /link ---------------------------------------------------------------------------------

    async def _link(self, person: int, argument: str, chat: ChatRef, language: Language) -> AsyncIterator[Event]:
        words = argument.split()
        if not words:
            code = await self.accounts.codes.issue(person)
            yield Reply(say(language, "link_code", code=code), kind="link_code")
            return
        if words[0].lower() == "confirm" and len(words) == 2:
            async for event in self._link_confirmed(person, words[1], chat, language):
                yield event
            return
        guesser = ":".join(chat.identity)
        code_id, issuer = await self.accounts.codes.peek(argument, guesser)
        if issuer == person:
            raise AlreadyLinked("same account")
        issuer_account = await self.accounts.directory.account(issuer)
        mine = await self.accounts.directory.account(person)
        assert issuer_account is not None and mine is not None
        plan = self.accounts.higher_plan(issuer_account.plan, mine.plan)
        text = say(language, "link_confirm", here=platform_name(language, chat.platform),
                   sites=await self._site_count(person), plan=plan)
        billing = self.accounts.billing
        if billing is not None:
            subs = [await billing.subscription(issuer), await billing.subscription(person)]
            if all(s is not None for s in subs):
                kept = self.accounts.higher_plan(subs[0].plan, subs[1].plan)  # type: ignore[union-attr]
                other = subs[1].plan if kept == subs[0].plan else subs[0].plan  # type: ignore[union-attr]
                text += "\n" + say(language, "link_confirm_subscription", plan=kept, other=other)
        pending = await self.accounts.pending.ask(person, "link", argument=str(code_id))
        command = f"/link confirm {pending.nonce}"
        text += "\n" + say(language, "confirm_hint", command=command)
        yield Confirm(text=text, label=say(language, "button_link_accounts"), command=command)

    async def _link_confirmed(self, person: int, nonce: str, chat: ChatRef, language: Language) -> AsyncIterator[Event]:
        pending = await self.accounts.pending.take(person, "link", nonce)
        issuer = await self.accounts.codes.use(int(pending.argument))
        if issuer == person:
            raise AlreadyLinked("same account")
        outcome = await self.accounts.merge(keep=issuer, other=person)
        await self.accounts.record("link", issuer, f"{chat.platform} linked")
        text = say(language, "linked", sites=await self._site_count(issuer), plan=outcome.plan)
        if outcome.billing.ended_plan:
            ends = day_month(outcome.billing.ends_at.date(), language) if outcome.billing.ends_at else "—"
            text += "\n" + say(language, "linked_billing", plan=outcome.billing.ended_plan, date=ends)
        yield Reply(text, kind="linked")

    # -- /unlink -------------------------------------------------------------------------------

    async def _unlink(self, person: int, argument: str, chat: ChatRef, language: Language) -> AsyncIterator[Event]:
        identities = await self.accounts.directory.identities(person)
        if not argument:
            yield Reply(say(language, "unlink_usage"), kind="usage_hint")
            return
        target = _pick(identities, argument)
        if target is None:
            raise UnknownIdentity(argument)
        removed = await self.accounts.directory.remove_identity(person, target.id)
        await self.accounts.record("unlink", person, f"{removed.platform} unlinked")
        yield Reply(say(language, "unlinked", identity=identity_label(language, removed)), kind="unlinked")

    # -- /dashboard ----------------------------------------------------------------------------

    async def _dashboard(self, person: int, _argument: str, chat: ChatRef, language: Language) -> AsyncIterator[Event]:
        token = await self.accounts.links.issue(person)
        url = self.accounts.sign_in_url(token)
        yield SignInLink(url=url, label=say(language, "button_dashboard"), text=say(language, "dashboard_link", url=url))

    # -- /email --------------------------------------------------------------------------------

    async def _email(self, person: int, argument: str, chat: ChatRef, language: Language) -> AsyncIterator[Event]:
        address = argument.strip().lower()
        if not EMAIL_RE.match(address):
            yield Reply(say(language, "email_usage"), kind="usage_hint")
            return
        if self.mail is None:
            raise PageMagicError("no SMTP server configured")
        linked = await self.accounts.directory.find("email", "", address)
        if linked is not None and linked.user_id != person:
            raise AlreadyLinked("email")
        token = await self.accounts.links.issue(person, "verify_email", payload=address)
        url = self.accounts.sign_in_url(token, "/auth/email/verify")
        await self.mail.send(
            address, say(language, "mail_verify_subject"), say(language, "mail_verify_body", url=url)
        )
        yield Reply(say(language, "email_sent", email=address), kind="email_sent")

    # -- /export -------------------------------------------------------------------------------

    async def _export(self, person: int, _argument: str, chat: ChatRef, language: Language) -> AsyncIterator[Event]:
        data = await self.accounts.export.zip(person, await self.accounts.two_factor.enabled(person))
        await self.accounts.record("export", person, f"{len(data)} bytes, from {chat.platform}")
        size = f"{max(1, len(data) // 1024)} KB"
        yield ExportReady(filename="pagemagic-export.zip", data=data, text=say(language, "export_ready", size=size))

    # -- /delete_account -----------------------------------------------------------------------

    async def _delete(self, person: int, argument: str, chat: ChatRef, language: Language) -> AsyncIterator[Event]:
        words = argument.split()
        if len(words) == 2 and words[0].lower() == "confirm":
            pending = await self.accounts.pending.take(person, "delete_account", words[1])
            if pending.step == 1:
                again = await self.accounts.pending.ask(person, "delete_account", step=2)
                command = f"/delete_account confirm {again.nonce}"
                text = say(language, "delete_confirm_2") + "\n" + say(language, "confirm_hint", command=command)
                yield Confirm(text=text, label=say(language, "button_delete_2"), command=command)
                return
            await self.delete_now(person)
            yield Reply(say(language, "account_deleted"), kind="account_deleted")
            return
        pending = await self.accounts.pending.ask(person, "delete_account", step=1)
        command = f"/delete_account confirm {pending.nonce}"
        text = say(language, "delete_confirm_1", sites=await self._site_count(person))
        text += "\n" + say(language, "confirm_hint", command=command)
        yield Confirm(text=text, label=say(language, "button_delete_1"), command=command)

    async def delete_now(self, person: int) -> None:
        """Sites offline and gone (hosting, routes, certificates, images), billing left, rows erased."""
        sites = await self.remove_sites(person) if self.remove_sites is not None else 0
        customer = ""
        if self.accounts.billing is not None:
            customer, _ends = await self.accounts.billing.leave(person)
        if self.accounts.images is not None:
            await self.accounts.images.forget(person)
        await self.accounts.sessions.end_all(person)
        await self.accounts.eraser.erase(person, customer, sites)


def _pick(identities: list[IdentityRecord], argument: str) -> IdentityRecord | None:
    word = argument.strip().lower()
    if word.isdigit() and 1 <= int(word) <= len(identities):
        return identities[int(word) - 1]
    matches = [i for i in identities if i.platform == word or (i.platform == "email" and i.external_id == word)]
    return matches[0] if len(matches) == 1 else None
