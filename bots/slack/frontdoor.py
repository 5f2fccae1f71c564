"""One Slack turn: check the workspace rule, run Studio, render its events into the thread.

Bolt handlers only acknowledge and hand a ``Turn`` here; everything the Slack
user sees is decided by Studio (what happened) and ``blocks`` (how it looks).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bots.slack.blocks import (
    confirm_blocks,
    escape,
    link_blocks,
    preview_blocks,
    published_blocks,
    text_section,
)
from bots.slack.files import upload_of
from bots.slack.inbound import Turn
from bots.slack.installations import SqlInstallationStore
from bots.slack.policy import PublishPolicy
from bots.slack.streaming import ThreadWriter, api_error
from bots.slack.threads import ThreadBook
from core.accounts.roles import needed_role
from core.events import (
    Confirm,
    DomainStatus,
    Event,
    ExportReady,
    GenerationStarted,
    PreviewReady,
    Published,
    PublishProgress,
    SectionReady,
    SignInLink,
    SiteChanged,
    StatsChart,
)
from core.i18n.locales import locale_from_tag
from core.messages import say
from core.site.values import Language
from core.storage.store import Store
from core.studio import Studio

_log = logging.getLogger(__name__)

Respond = Callable[..., Awaitable[Any]]

# Web API errors that mean the token no longer works: the installation is marked, the user told once.
REVOKED_ERRORS = frozenset({"invalid_auth", "token_revoked", "account_inactive", "not_authed", "token_expired"})


@dataclass(frozen=True)
class SlackOptions:
    command: str = "/pagemagic"
    streaming: bool = True
    interval: float = 1.0
    install_url: str | None = None


class SlackFrontDoor:
    def __init__(
        self,
        studio: Studio,
        store: Store,
        threads: ThreadBook,
        policy: PublishPolicy,
        options: SlackOptions,
        installations: SqlInstallationStore | None = None,
    ) -> None:
        self.studio = studio
        self.store = store
        self.threads = threads
        self.policy = policy
        self.options = options
        self.installations = installations
        self._revoked_reported = False  # single-workspace mode has no installation row to mark
        self._locales: dict[tuple[str, str], Language | None] = {}  # (team, user) -> Slack locale

    def where(self, language: Language) -> str:
        url = self.options.install_url
        return say(language, "slack_install_where", url=url) if url else ""

    async def handle(
        self, turn: Turn, client: AsyncWebClient, respond: Respond | None, enterprise_id: str | None = None
    ) -> None:
        turn = await self._with_locale(turn, client)
        turn = await self._with_role(turn, client)
        language = await self._language(turn)
        try:
            if turn.unknown or turn.command == "help":
                text = say(language, "slack_help", command=self.options.command)
                if turn.unknown:
                    head = say(language, "slack_unknown_subcommand", command=self.options.command, word=turn.unknown)
                    text = head + "\n" + text
                await self._private(turn, client, respond, text)
                return
            if not await self.policy.allows(turn.command, turn.user, client):
                text = say(language, "slack_admins_only", command=self.options.command, action=turn.text[1:])
                await self._private(turn, client, respond, text)
                return
            if turn.files:
                await self._images(turn, client, respond, language)
                return
            if turn.command == "new" and turn.source == "command":
                await self.threads.forget(turn.team, turn.channel)
            await self._run(turn, client, respond, language)
        except SlackApiError as exc:
            if api_error(exc) not in REVOKED_ERRORS:
                raise
            await self._revoked(turn, respond, enterprise_id, language, api_error(exc))

    async def _run(self, turn: Turn, client: AsyncWebClient, respond: Respond | None, language: Language) -> None:
        writer: ThreadWriter | None = None
        status_ts: str | None = None  # one thread message that follows a publish job, updated in place
        try:
            async for event in self.studio.message(turn.chat, turn.text):
                if isinstance(event, GenerationStarted):
                    language = event.language
                    thread = await self._generation_thread(turn, client, event, language)
                    writer = ThreadWriter(
                        client,
                        channel=turn.channel,
                        thread_ts=thread,
                        team=turn.team,
                        user=turn.user,
                        streaming=self.options.streaming,
                        interval=self.options.interval,
                    )
                    await writer.add(escape(event.text) + "\n")
                elif writer is not None and isinstance(event, SectionReady | SiteChanged):
                    await writer.add("• " + escape(event.text) + "\n")
                elif writer is not None:
                    # the generation ends: a preview, or a cancel/failure/answer in the same message
                    if isinstance(event, PreviewReady):
                        blocks = preview_blocks(event, language, dashboard=not turn.chat.team)
                    else:
                        blocks = [text_section(escape(event.text))]
                    await writer.finish(blocks, event.text)
                    await writer.close()
                    writer = None
                elif isinstance(event, PublishProgress) or (status_ts and isinstance(event, Published)):
                    status_ts = await self._status(turn, client, event, language, status_ts)
                else:
                    await self._render(turn, client, respond, event, language)
        finally:
            if writer is not None:
                await writer.close()

    async def _images(self, turn: Turn, client: AsyncWebClient, respond: Respond | None, language: Language) -> None:
        """Shared pictures go to Studio with the message text as their caption; the answer in the thread."""
        uploads = [upload_of(file, client) for file in turn.files]
        caption = "" if turn.text.startswith("/") else turn.text
        async for event in self.studio.add_images(turn.chat, uploads, caption):
            await self._render(turn, client, respond, event, language)

    async def _render(
        self, turn: Turn, client: AsyncWebClient, respond: Respond | None, event: Event, language: Language
    ) -> None:
        """An answer outside a generation: site news in the thread, the rest just for the asker."""
        if isinstance(event, PreviewReady):
            blocks = preview_blocks(event, language, dashboard=not turn.chat.team)
        elif isinstance(event, Published):
            blocks = published_blocks(event, language)
        elif isinstance(event, DomainStatus):
            blocks = [text_section(escape(event.text))]
        elif isinstance(event, Confirm):
            await self._private(turn, client, respond, escape(event.text), confirm_blocks(event.text, event.label, event.command))
            return
        elif isinstance(event, SignInLink):
            await self._private(turn, client, respond, escape(event.text), link_blocks(event.text, event.label, event.url))
            return
        elif isinstance(event, (ExportReady, StatsChart)):
            await client.files_upload_v2(
                channel=turn.channel, thread_ts=turn.thread_ts, filename=event.filename, initial_comment=event.text,
                content=event.png if isinstance(event, StatsChart) else event.data,
            )
            return
        else:
            await self._private(turn, client, respond, escape(event.text))
            return
        thread = turn.thread_ts or await self.threads.get(turn.team, turn.channel)
        await client.chat_postMessage(channel=turn.channel, thread_ts=thread, text=event.text, blocks=blocks)

    async def _status(
        self, turn: Turn, client: AsyncWebClient, event: Event, language: Language, ts: str | None
    ) -> str:
        """Publish progress (queued, building, deploying...) then the URL, in one message of the thread."""
        blocks = published_blocks(event, language) if isinstance(event, Published) else [text_section(escape(event.text))]
        if ts is not None:
            await client.chat_update(channel=turn.channel, ts=ts, text=event.text, blocks=blocks)
            return ts
        thread = turn.thread_ts or await self.threads.get(turn.team, turn.channel)
        posted = await client.chat_postMessage(channel=turn.channel, thread_ts=thread, text=event.text, blocks=blocks)
        return str(posted["ts"])

    async def _generation_thread(
        self, turn: Turn, client: AsyncWebClient, event: GenerationStarted, language: Language
    ) -> str:
        """Where a generation streams: the thread it was asked in, the channel's site thread, or a new one."""
        dm = turn.channel.startswith("D")
        if turn.thread_ts is not None:
            if event.mode == "create" and not dm:
                await self.threads.set(turn.team, turn.channel, turn.thread_ts)
            return turn.thread_ts
        if event.mode == "refine":
            known = await self.threads.get(turn.team, turn.channel)
            if known is not None:
                return known
        shown = turn.text if len(turn.text) <= 300 else turn.text[:299] + "…"
        root = await client.chat_postMessage(
            channel=turn.channel, text=say(language, "slack_requested", user=turn.user, text=escape(shown))
        )
        thread = str(root["ts"])
        await self.threads.set(turn.team, turn.channel, thread)
        return thread

    async def _private(
        self, turn: Turn, client: AsyncWebClient, respond: Respond | None, text: str,
        blocks: list[dict[str, Any]] | None = None,
    ) -> None:
        """Only the asker sees it: ephemeral through response_url, else in the thread it came from."""
        extra: dict[str, Any] = {"blocks": blocks} if blocks else {}
        if respond is not None and turn.response_url:
            await respond(text=text, response_type="ephemeral", replace_original=False, **extra)
        else:
            await client.chat_postMessage(channel=turn.channel, thread_ts=turn.thread_ts, text=text, **extra)

    async def _revoked(
        self, turn: Turn, respond: Respond | None, enterprise_id: str | None, language: Language, error: str
    ) -> None:
        """Mark the installation and tell the workspace once; later requests get the install message."""
        if self.installations is not None:
            first = await self.installations.mark_revoked(enterprise_id, turn.team, error)
        else:
            first, self._revoked_reported = not self._revoked_reported, True
        if not first:
            return
        _log.warning("Slack token of workspace %s no longer works (%s); installation marked revoked", turn.team, error)
        if respond is not None and turn.response_url:
            await respond(text=say(language, "slack_revoked", where=self.where(language)), response_type="ephemeral")

    async def _language(self, turn: Turn) -> Language:
        conversation = await self.store.conversation(turn.chat, self.studio.config.default_plan)
        return conversation.language or turn.chat.language or "en"

    async def _with_role(self, turn: Turn, client: AsyncWebClient) -> Turn:
        """In a channel, the person's workspace role (``users.info``: primary owner/owner -> owner, admin ->
        admin), asked only for a command that needs more than a member; Studio adds the team's own grants."""
        if not turn.chat.team or needed_role(turn.command, self.studio.config.publish_needs_admin) == "member":
            return turn
        try:
            response = await client.users_info(user=turn.user)
        except SlackApiError as exc:
            if api_error(exc) in REVOKED_ERRORS:
                raise
            return turn
        user = response.get("user") or {}
        role = "owner" if user.get("is_owner") or user.get("is_primary_owner") else "admin" if user.get("is_admin") else "member"
        return replace(turn, chat=replace(turn.chat, role=role))

    async def _with_locale(self, turn: Turn, client: AsyncWebClient) -> Turn:
        """The turn with the user's Slack locale (users.info ``locale``: "pt-BR"), looked up once per user;
        without it (no ``users:read`` scope, an API error) the text alone decides the language."""
        key = (turn.team, turn.user)
        if key not in self._locales:
            try:
                response = await client.users_info(user=turn.user, include_locale=True)
                user = response.get("user") or {}
                self._locales[key] = locale_from_tag(str(user.get("locale") or ""))
            except SlackApiError:  # a revoked token shows up, and is handled, on the next call
                self._locales[key] = None
            if len(self._locales) > 10_000:  # a long-running bot in many workspaces: forget the oldest
                self._locales.pop(next(iter(self._locales)))
        return replace(turn, chat=replace(turn.chat, language=self._locales[key]))
