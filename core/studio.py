"""Studio: the one engine every chat adapter calls.

Adapters hand Studio a ``ChatRef`` and the user's text; Studio yields typed
events (``core.events``) with messages already in the user's language. It
owns the rules: what a message means, when a version is stored, what a quota
allows. Errors from below are ``PageMagicError`` and end as one ``Failed``
event; the stored draft and history are never touched by a failure.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta

from core.commands import parse_command
from core.domain_flow import follow, records_text, status_event
from core.domains import DomainPort, check_allowed, normalise_domain
from core.errors import (
    BillingUnavailable,
    DomainTaken,
    EmptyMessage,
    GenerationFailed,
    MessageTooLong,
    NoSiteYet,
    NothingToUndo,
    NotPublished,
    PageMagicError,
    PublishFailed,
    RolledBack,
)
from core.events import (
    Cancelled,
    DomainStatus,
    Event,
    Failed,
    GenerationStarted,
    HistoryEntry,
    HistoryReport,
    PreviewReady,
    Published,
    PublishProgress,
    Reply,
    SectionReady,
    SiteChanged,
    UsageLine,
    UsageReport,
)
from core.language import detect_language
from core.llm.port import (
    CannotHelp,
    EditGenerated,
    GenerationEvent,
    GenerationRequest,
    HeaderGenerated,
    PartSkipped,
    SectionGenerated,
    SiteGenerator,
    Summary,
    TokensUsed,
    Turn,
)
from core.messages import metric_label, say, section_label
from core.observability.context import current_request_id, ensure_request_id
from core.observability.logging import get_logger
from core.observability.metrics import NO_METRICS, Metrics
from core.ports import (
    BillingPort,
    HostingBackend,
    JobQueue,
    PreviewChannel,
    PublishTarget,
    QuotaPolicy,
    SpendingAlert,
    UpgradeOffer,
    UsageMeter,
)
from core.site.describe import section_heading, section_summary
from core.site.edits import apply_edits
from core.site.schema import parse_header, parse_section
from core.site.sections import Section
from core.site.site import Site, SiteHeader
from core.site.values import Language
from core.storage.audit import AuditLog, AuditRecord
from core.storage.domains import DomainStore
from core.storage.jobs import JobRecord, JobStore
from core.storage.records import ChatRef, ConversationRecord, SiteRecord
from core.storage.store import Store, new_preview_token

log = get_logger("pagemagic.studio")


@dataclass(frozen=True)
class StudioConfig:
    max_message_chars: int = 4000
    preview_ttl: timedelta = timedelta(hours=72)
    default_plan: str = "free"
    publish_wait: timedelta = timedelta(minutes=5)
    base_domain: str = ""  # our own domain: users may not attach it or names under it
    domain_deny: tuple[str, ...] = ()  # names (and everything under them) no user may attach
    domain_wait: timedelta = timedelta(seconds=60)  # how long /domain check follows a certificate order
    model: str = "offline"  # the generator's model: the label of generation metrics


@dataclass
class _Conversation:
    """In-process state of one conversation: who runs, and how to stop them."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    cancel: asyncio.Event | None = None


class Studio:
    def __init__(
        self,
        store: Store,
        generator: SiteGenerator,
        hosting: HostingBackend,
        previews: PreviewChannel,
        meter: UsageMeter,
        quotas: QuotaPolicy,
        queue: JobQueue,
        config: StudioConfig = StudioConfig(),
        billing: BillingPort | None = None,
        domains: DomainPort | None = None,
    ) -> None:
        self.store = store
        self.generator = generator
        self.hosting = hosting
        self.previews = previews
        self.meter = meter
        self.quotas = quotas
        self.queue = queue
        self.jobs = JobStore(store)
        self.config = config
        self.metrics: Metrics = NO_METRICS  # the wiring sets the Prometheus one
        self.audit = AuditLog(store)
        self.billing = billing
        self.domains = domains  # DNS proof + certificates; None: domains map by Host header only
        self._conversations: dict[int, _Conversation] = {}

    # -- the entry point adapters use ---------------------------------------------

    async def message(self, chat: ChatRef, text: str) -> AsyncIterator[Event]:
        """Handle one chat message (a command or a description/refinement).

        A message arriving while an earlier one of the same conversation is
        still generating cancels that one first; it stops at the next event,
        stores nothing and reports ``Cancelled``.
        """
        request_id = ensure_request_id()
        self.metrics.chat_message(chat.platform)
        log.info("chat_message", platform=chat.platform, chat=chat.chat_id, request_id=request_id)
        language: Language = chat.language or "en"
        conversation: ConversationRecord | None = None
        try:
            conversation = await self.store.conversation(chat, self.config.default_plan)
            language = conversation.language or language
            state = self._conversations.setdefault(conversation.id, _Conversation())
            if state.cancel is not None:
                state.cancel.set()
            async with state.lock:
                cancel = asyncio.Event()
                state.cancel = cancel
                try:
                    conversation = await self.store.conversation(chat, self.config.default_plan)
                    language = conversation.language or language
                    async for event in self._dispatch(conversation, chat, text, language, cancel):
                        yield event
                    async for event in self._alerts(conversation, chat, language):
                        yield event
                finally:
                    if state.cancel is cancel:
                        state.cancel = None
        except PageMagicError as error:
            if text.strip() and not text.lstrip().startswith("/"):
                # A first message fails before the conversation's language is stored:
                # answer in the language it was written in.
                language = detect_language(text[:2000], default=language)
            if error.code in ("quota_exceeded", "spending_cap_reached"):
                self.metrics.refused(f"{error.code}:{error.params.get('metric', '')}")
            log.info("chat_failed", platform=chat.platform, chat=chat.chat_id, code=error.code)
            failed = self._failed(error, language)
            if conversation is not None and error.code in ("quota_exceeded", "spending_cap_reached"):
                failed = await self._with_upgrade(failed, conversation, language)
            yield failed

    async def _dispatch(
        self, conversation: ConversationRecord, chat: ChatRef, raw: str, language: Language, cancel: asyncio.Event
    ) -> AsyncIterator[Event]:
        text = raw.strip()
        if not text:
            raise EmptyMessage()
        if len(text) > self.config.max_message_chars:
            language = detect_language(text[:2000], default=language)
            raise MessageTooLong(length=len(text), limit=self.config.max_message_chars, language=language)
        command = parse_command(text)
        if command is None:
            detected = detect_language(text, default=language)
            if detected != conversation.language:
                await self.store.set_language(conversation.id, detected)
            language = detected
            await self.store.add_turn(conversation.id, "user", text)
            if conversation.site_id is None:
                stream = self.describe(conversation, text, language, cancel)
            else:
                stream = self.refine(conversation, text, language, cancel)
        elif command.name in ("help", "start"):
            stream = self._single(Reply(say(language, "help"), kind="help"))
        elif command.name == "new":
            stream = self.new(conversation, language)
        elif command.name == "undo":
            stream = self.undo(conversation, language)
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
        else:
            stream = self.usage(conversation, language)
        async for event in stream:
            yield event

    # -- generation ----------------------------------------------------------------

    async def describe(
        self, conversation: ConversationRecord, text: str, language: Language, cancel: asyncio.Event
    ) -> AsyncIterator[Event]:
        """Generate a new site from a description, streaming each section as it is ready."""
        await self.quotas.check(conversation.user_id, "generations")
        token = new_preview_token()
        preview_url = self.previews.preview_url(token)
        yield GenerationStarted("create", language, say(language, "generating_create") + " " + preview_url)
        request = GenerationRequest(instruction=text, language=language)
        header: SiteHeader | None = None
        sections: list[Section] = []
        tokens = 0
        timing = _Timing()
        try:
            async for event in self._generate(request, cancel):
                if isinstance(event, HeaderGenerated):
                    header = parse_header(event.header.model_dump(mode="json"))
                    await self.previews.draft_started(token, header)
                elif isinstance(event, SectionGenerated):
                    if header is None:
                        raise GenerationFailed("a section came before the site's header")
                    section = parse_section(event.section.model_dump(mode="json"), len(sections))
                    sections.append(section)
                    timing.section()
                    await self.previews.draft_updated(token, Site.draft(header, sections))
                    yield self._section_ready(len(sections) - 1, section, language)
                elif isinstance(event, TokensUsed):
                    tokens += event.prompt + event.completion
                elif isinstance(event, PartSkipped):
                    yield self._part_skipped(event, language)
                elif isinstance(event, CannotHelp):
                    timing.outcome = "cannot_help"
                    yield Reply(event.message, kind="cannot_help")
                    return
            if cancel.is_set():
                timing.outcome = "cancelled"
                yield Cancelled(say(language, "cancelled"))
                return
            if header is None or not sections:
                raise GenerationFailed("the generator produced no site")
            site = Site.assemble(header, sections)
            record = await self.store.create_site(
                conversation.id, conversation.user_id, site, text, token, self.config.preview_ttl
            )
            timing.outcome = "ok"
        except PageMagicError:
            # The model's tokens were spent even though nothing is stored: bill them.
            await self.meter.record(conversation.user_id, "tokens", tokens)
            raise
        finally:
            await self.previews.draft_finished(token)
            timing.report(self.metrics, self.config.model, "create")
        await self._record_generation(conversation.user_id, record.id, len(sections), tokens)
        await self.store.add_turn(conversation.id, "assistant", f"created v1 of {site.name}")
        yield PreviewReady(
            url=preview_url,
            version=1,
            site_name=site.name,
            changed_sections=tuple(range(len(sections))),
            text=say(language, "preview_ready_create", name=site.name, version=1, url=preview_url),
        )

    async def refine(
        self, conversation: ConversationRecord, text: str, language: Language, cancel: asyncio.Event
    ) -> AsyncIterator[Event]:
        """Apply a refinement as edits on the current version; only changed sections stream back."""
        assert conversation.site_id is not None
        await self.quotas.check(conversation.user_id, "generations")
        record = await self.store.site(conversation.site_id)
        current = await self.store.version(record.id, record.current_version)
        preview_url = self.previews.preview_url(record.preview_token)
        yield GenerationStarted("refine", language, say(language, "generating_refine") + " " + preview_url)
        turns = await self.store.recent_turns(conversation.id, 12)
        request = GenerationRequest(
            instruction=text,
            current=current.site,
            language=language,
            history=tuple(Turn("user" if r == "user" else "assistant", t) for r, t in turns[:-1]),
        )
        site = current.site
        edits = 0
        tokens = 0
        summary = ""
        shown: set[str] = set()
        timing = _Timing()
        await self.previews.draft_started(record.preview_token, None)
        try:
            async for event in self._generate(request, cancel):
                if isinstance(event, EditGenerated):
                    site, changed = apply_edits(site, [event.edit])
                    edits += 1
                    await self.previews.draft_updated(record.preview_token, site)
                    for index in changed:
                        section = site.sections[index]
                        key = section.model_dump_json()
                        if key not in shown:
                            shown.add(key)
                            timing.section()
                            yield self._section_ready(index, section, language)
                elif isinstance(event, Summary):
                    summary = event.text
                elif isinstance(event, TokensUsed):
                    tokens += event.prompt + event.completion
                elif isinstance(event, PartSkipped):
                    yield self._part_skipped(event, site.language)
                elif isinstance(event, CannotHelp):
                    timing.outcome = "cannot_help"
                    yield Reply(event.message, kind="cannot_help")
                    return
            if cancel.is_set():
                timing.outcome = "cancelled"
                yield Cancelled(say(language, "cancelled"))
                return
            if edits == 0 or site == current.site:
                timing.outcome = "no_change"
                yield Reply(summary or say(language, "help"), kind="no_change")
                return
            record = await self.store.add_version(
                record.id, site, text, expected=current.number, preview_ttl=self.config.preview_ttl
            )
            timing.outcome = "ok"
        except PageMagicError:
            await self.meter.record(conversation.user_id, "tokens", tokens, record.id)
            raise
        finally:
            await self.previews.draft_finished(record.preview_token)
            timing.report(self.metrics, self.config.model, "refine")
        old = {s.model_dump_json() for s in current.site.sections}
        changed_indexes = tuple(i for i, s in enumerate(site.sections) if s.model_dump_json() not in old)
        await self._record_generation(conversation.user_id, record.id, len(changed_indexes), tokens)
        await self.store.add_turn(conversation.id, "assistant", summary or f"v{record.current_version}")
        if summary:
            yield SiteChanged(summary)
        key = {0: "preview_ready_refine_none", 1: "preview_ready_refine_one"}.get(
            len(changed_indexes), "preview_ready_refine"
        )
        yield PreviewReady(
            url=preview_url,
            version=record.current_version,
            site_name=site.name,
            changed_sections=changed_indexes,
            text=say(language, key, version=record.current_version, changed=len(changed_indexes), url=preview_url),
        )

    async def _generate(self, request: GenerationRequest, cancel: asyncio.Event) -> AsyncIterator[GenerationEvent]:
        """The generator's events, stopping as soon as ``cancel`` is set (even mid-wait)."""
        stream = self.generator.generate(request).__aiter__()
        cancelled = asyncio.ensure_future(cancel.wait())
        try:
            while True:
                step = asyncio.ensure_future(anext(stream))
                done, _ = await asyncio.wait({step, cancelled}, return_when=asyncio.FIRST_COMPLETED)
                if step not in done:
                    step.cancel()
                    await asyncio.gather(step, return_exceptions=True)
                    return
                try:
                    event = step.result()
                except StopAsyncIteration:
                    return
                except PageMagicError:
                    raise
                except Exception as exc:  # a generator bug must not lose the draft
                    raise GenerationFailed(type(exc).__name__) from exc
                yield event
        finally:
            cancelled.cancel()
            aclose = getattr(stream, "aclose", None)
            if aclose is not None:
                await aclose()

    async def _record_generation(self, user_id: int, site_id: int, sections: int, tokens: int) -> None:
        await self.meter.record(user_id, "generations", 1, site_id)
        await self.meter.record(user_id, "sections", sections, site_id)
        self.metrics.sections_generated(self.config.model, sections)
        await self.meter.record(user_id, "tokens", tokens, site_id)

    def _section_ready(self, index: int, section: Section, language: Language) -> SectionReady:
        heading = section_heading(section)
        label = section_label(language, section.kind)
        return SectionReady(
            index=index,
            section=section,
            heading=heading,
            summary=section_summary(section),
            text=say(language, "section_ready", label=label, heading=heading),
        )

    @staticmethod
    def _part_skipped(event: PartSkipped, language: Language) -> Reply:
        """What could not be generated, said plainly; what was generated stays."""
        label = section_label(language, event.kind) if event.kind else "—"
        return Reply(say(language, f"{event.part}_skipped", label=label), kind=f"{event.part}_skipped")

    # -- versions --------------------------------------------------------------------

    async def undo(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        """Go back to the version the current one was made from; versions are never rewritten."""
        record = await self._site_of(conversation)
        current = await self.store.version(record.id, record.current_version)
        if current.parent_number is None:
            raise NothingToUndo()
        record = await self.store.move_current(
            record.id, current.parent_number, expected=current.number, preview_ttl=self.config.preview_ttl
        )
        await self.previews.draft_finished(record.preview_token)
        url = self.previews.preview_url(record.preview_token)
        yield PreviewReady(
            url=url,
            version=record.current_version,
            site_name=record.name,
            changed_sections=(),
            text=say(language, "preview_ready_undo", version=record.current_version, url=url),
        )

    async def history(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        record = await self._site_of(conversation)
        versions = await self.store.versions(record.id)
        entries = tuple(
            HistoryEntry(v.number, v.instruction, v.created_at, v.number == record.current_version) for v in versions
        )
        lines = [say(language, "history_header", name=record.name)]
        for entry in entries:
            instruction = entry.instruction if len(entry.instruction) <= 70 else entry.instruction[:69] + "…"
            lines.append(
                say(
                    language,
                    "history_line",
                    marker="→" if entry.current else " ",
                    version=entry.version,
                    when=entry.created_at.strftime("%Y-%m-%d %H:%M"),
                    instruction=instruction or "—",
                )
            )
        changes = await self.audit.for_site(record.id, limit=20)
        if changes:
            lines.append(say(language, "history_audit_header"))
            lines.extend(_audit_line(change, language) for change in changes)
        yield HistoryReport(entries, "\n".join(lines))

    async def new(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        await self.store.set_active_site(conversation.id, None)
        yield Reply(say(language, "new_site"), kind="new")

    # -- publishing and domains ------------------------------------------------------

    async def publish(
        self, conversation: ConversationRecord, language: Language, chat: ChatRef | None = None
    ) -> AsyncIterator[Event]:
        """Publish the current version as a job and report it as it moves.

        The job runs elsewhere (a worker, or a task of this process); this only
        submits it and follows its stored state, so a chat handler never does
        the long work. Publishing a version already being published joins that job.
        """
        record = await self._site_of(conversation)
        previous = await self.store.latest_deployment(record.id)
        if previous is None:
            await self.quotas.check(conversation.user_id, "published_sites")
        await self.quotas.check(conversation.user_id, "publishes")
        job, _created = await self.jobs.submit("publish", record.id, record.current_version)
        await self.queue.submit(job.id)
        yield PublishProgress("queued", say(language, "publish_queued", version=job.version))
        final = None
        async for state, current in self._follow(job.id):
            if state in ("building", "pushing", "deploying"):
                yield PublishProgress(state, say(language, f"publish_{state}"))
            elif state == "queued" and current.detail:
                yield PublishProgress("retrying", say(language, "publish_retrying", detail=current.detail))
            final = current
        state = final.state if final is not None else "queued"
        await self._audit("publish", record, conversation, chat, f"v{job.version} {state}")
        if final is None or not final.done:
            state = final.state if final else "queued"
            yield Reply(say(language, "publish_still_running", state=state), kind="publish_pending")
            return
        if final.state == "rolled_back":
            raise RolledBack(final.detail)
        if final.state != "live":
            raise PublishFailed(final.detail or "unknown error")
        domains = tuple(d.name for d in await self.store.domains_of(record.id))
        text = say(language, "published", version=final.version, url=final.result_url)
        if domains:
            text += "\n" + say(language, "published_domains", domains=", ".join(domains))
        yield Published(url=final.result_url, version=final.version, domains=domains, text=text)

    async def _follow(self, job_id: int) -> AsyncIterator[tuple[str, JobRecord]]:
        """Each state change of a job until it ends or ``publish_wait`` runs out."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.config.publish_wait.total_seconds()
        last: tuple[str, str] | None = None
        pause = 0.02
        while True:
            job = await self.jobs.get(job_id)
            if job is None:
                return
            if (job.state, job.detail) != last:
                last = (job.state, job.detail)
                yield job.state, job
            if job.done or loop.time() >= deadline:
                return
            await asyncio.sleep(pause)
            pause = min(pause * 1.5, 0.5)

    async def unpublish(
        self, conversation: ConversationRecord, language: Language, chat: ChatRef | None = None
    ) -> AsyncIterator[Event]:
        record = await self._site_of(conversation)
        if await self.store.latest_deployment(record.id) is None:
            raise NotPublished()
        await self.hosting.unpublish(record.slug)
        await self._audit("unpublish", record, conversation, chat, f"v{record.current_version}")
        await self.store.add_deployment(record.id, record.current_version, self.hosting.name, "removed", "", "")
        yield Reply(say(language, "unpublished", name=record.name), kind="unpublished")

    async def attach_domain(
        self, conversation: ConversationRecord, argument: str, language: Language, chat: ChatRef | None = None
    ) -> AsyncIterator[Event]:
        record = await self._site_of(conversation)
        if not argument:
            yield Reply(say(language, "error_domain_usage"), kind="usage_hint")
            return
        words = argument.split()
        if words[0].lower() in ("check", "remove"):
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

    async def _attach_with_dns(
        self, record: SiteRecord, conversation: ConversationRecord, name: str, language: Language, chat: ChatRef | None
    ) -> AsyncIterator[Event]:
        """Attach pending DNS proof: nothing is routed until the TXT token and the pointer are right."""
        assert self.domains is not None
        owner = await self.store.site_for_domain(name)
        if owner is not None and owner.id != record.id:
            raise DomainTaken(name, domain=name)  # before the quota: the clearer answer
        existing = {d.name for d in await self.store.domains_of(record.id)}
        if name not in existing:
            await self.quotas.check(conversation.user_id, "domains")
        domain, created = await self.store.attach_domain(record.id, name, "pending_dns")
        await self._audit("domain", record, conversation, chat, f"{name} attached")
        if created:
            await self.meter.record(conversation.user_id, "domains", 1, record.id)
        await self.domains.attached(name)
        records = self.domains.records(record.slug, name, domain.token)
        progress = await self.domains.status(name)
        if not created and progress is not None and progress.status != "pending_dns":
            yield status_event(language, progress, records)
            return
        text = (say(language, "domain_already_yours", domain=name) + " " if not created else "") + say(
            language, "domain_attached", domain=name
        )
        text += "\n" + records_text(language, records)
        yield DomainStatus(domain=name, status="pending_dns", text=text, records=records)

    async def _check_domains(self, record: SiteRecord, names: list[str], language: Language) -> AsyncIterator[Event]:
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
            progress = await self.domains.check(name)
            async for event in follow(self.domains, progress, language, self.config.domain_wait):
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
        if name not in {d.name for d in await self.store.domains_of(record.id)}:
            yield Reply(say(language, "domain_not_attached", domain=name), kind="domain_not_attached")
            return
        if self.domains is not None:
            await self.domains.remove(record.slug, name)
        await DomainStore(self.store).remove(record.id, name)
        await self._audit("domain", record, conversation, chat, f"{name} removed")
        yield DomainStatus(domain=name, status="removed", text=say(language, "domain_removed", domain=name))

    # -- usage -----------------------------------------------------------------------

    async def usage(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        summary = await self.quotas.summary(conversation.user_id)
        lines = tuple(
            UsageLine(m.metric, metric_label(language, m.metric), m.used, m.limit, m.overage_cents)
            for m in summary.metrics
        )
        text_lines = [
            say(
                language,
                "usage_header",
                start=summary.period_start.date().isoformat(),
                end=(summary.period_end - timedelta(days=1)).date().isoformat(),
                plan=summary.plan,
            )
        ]
        for line in lines:
            used = _amount(line.metric, line.used)
            if line.limit is None:
                text_lines.append(say(language, "usage_line_unlimited", label=line.label, used=used))
            else:
                limit = _amount(line.metric, line.limit)
                text = say(language, "usage_line", label=line.label, used=used, limit=limit) + "  " + _bar(line.used, line.limit)
                if line.overage_cents:
                    text += " · " + say(language, "usage_overage", amount=_money(line.overage_cents, summary.currency))
                text_lines.append(text)
        overage = sum(line.overage_cents for line in lines)
        text_lines.append(
            say(
                language,
                "usage_estimate",
                total=_money(summary.estimate_cents, summary.currency),
                base=_money(summary.estimate_cents - overage, summary.currency),
                overage=_money(overage, summary.currency),
                reset=summary.period_end.date().isoformat(),
            )
        )
        if summary.sites:
            text_lines.append(say(language, "usage_sites_header"))
            for site in summary.sites:
                text_lines.append(
                    say(
                        language,
                        "usage_site_line",
                        name=site.name,
                        requests=_amount("requests", site.requests),
                        bytes=_amount("bytes", site.bytes),
                    )
                )
        if summary.cap_cents is not None:
            left = max(0, summary.cap_cents - overage)
            text_lines.append(
                say(language, "usage_cap", cap=_money(summary.cap_cents, summary.currency), left=_money(left, summary.currency))
            )
        yield UsageReport(
            summary.plan,
            summary.period_start,
            summary.period_end,
            lines,
            "\n".join(text_lines),
            estimate_cents=summary.estimate_cents,
            currency=summary.currency,
        )

    # -- plans and spending ------------------------------------------------------------

    async def upgrade(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        """A Checkout link for the next plan; the plan changes when Stripe confirms the payment."""
        if self.billing is None:
            raise BillingUnavailable("payments are not set up on this server")
        offer = await self.billing.upgrade_offer(conversation.user_id, conversation.plan)
        if offer is None:
            yield Reply(say(language, "upgrade_top", plan=conversation.plan), kind="upgrade_top")
            return
        yield Reply(say(language, "upgrade_offer", **_offer_params(offer)), kind="upgrade")

    async def _alerts(self, conversation: ConversationRecord, chat: ChatRef, language: Language) -> AsyncIterator[Event]:
        """Spending alerts not yet posted this period, after the answer to the message."""
        if self.billing is None:
            return
        try:
            alerts = await self.billing.due_alerts(conversation.user_id)
        except PageMagicError:
            return  # an alert must never spoil the answer it follows
        if not alerts:
            return
        language = (await self.store.conversation(chat, self.config.default_plan)).language or language
        for alert in alerts:
            yield Reply(_alert_text(alert, language), kind="spending_alert")

    async def _with_upgrade(self, failed: Failed, conversation: ConversationRecord, language: Language) -> Failed:
        """A quota refusal with the link that lifts it (when payments are set up)."""
        if self.billing is None:
            return failed
        try:
            offer = await self.billing.upgrade_offer(conversation.user_id, conversation.plan)
        except PageMagicError:
            return failed
        if offer is None:
            return failed
        text = failed.text + "\n" + say(language, "quota_upgrade", **_offer_params(offer))
        return Failed(failed.code, text, {**failed.details, "upgrade_url": offer.url})

    # -- helpers -----------------------------------------------------------------------

    async def _audit(
        self, action: str, record: SiteRecord, conversation: ConversationRecord, chat: ChatRef | None, detail: str
    ) -> None:
        """One audit row: who (the chat user), what, when, from which chat."""
        await self.audit.record(
            action,
            site_id=record.id,
            user_id=conversation.user_id,
            chat=chat,
            detail=detail,
            request_id=current_request_id(),
        )
        log.info("audit", action=action, site=record.slug, detail=detail)

    async def _site_of(self, conversation: ConversationRecord) -> SiteRecord:
        if conversation.site_id is None:
            raise NoSiteYet()
        return await self.store.site(conversation.site_id)

    @staticmethod
    async def _single(event: Event) -> AsyncIterator[Event]:
        yield event

    def _failed(self, error: PageMagicError, language: Language) -> Failed:
        language = error.params.get("language", language)
        params = {k: v for k, v in error.params.items() if k != "language"}
        if error.code == "quota_exceeded":
            from datetime import UTC, datetime

            now = datetime.now(UTC)
            reset = (now.replace(day=1) + timedelta(days=32)).replace(day=1).date().isoformat()
            params.update(label=metric_label(language, params["metric"]), reset=reset)
            params["used"] = _amount(params["metric"], params["used"])
            params["limit"] = _amount(params["metric"], params["limit"])
        elif error.code == "spending_cap_reached":
            currency = params.pop("currency", "usd")
            params.update(label=metric_label(language, params["metric"]))
            params["cap"] = _money(params["cap"], currency)
            params["spent"] = _money(params["spent"], currency)
        params.setdefault("detail", error.detail or error.code)
        try:
            text = say(language, f"error_{error.code}", **params)
        except (KeyError, IndexError):
            text = say(language, "error_internal")
        return Failed(error.code, text, {k: str(v) for k, v in params.items()})


@dataclass
class _Timing:
    """How long one generation took, until its first section, and how it ended."""

    started: float = field(default_factory=time.monotonic)
    first: float | None = None
    outcome: str = "failed"

    def section(self) -> None:
        if self.first is None:
            self.first = time.monotonic() - self.started

    def report(self, metrics: Metrics, model: str, kind: str) -> None:
        metrics.generation(model, kind, self.outcome, time.monotonic() - self.started, self.first)


def _audit_line(change: AuditRecord, language: Language) -> str:
    who = f"{change.platform}:{change.actor}" if change.platform else "—"
    return say(
        language,
        "history_audit_line",
        when=change.created_at.strftime("%Y-%m-%d %H:%M"),
        action=say(language, f"audit_{change.action}"),
        detail=change.detail,
        who=who,
    )


def _amount(metric: str, value: int) -> str:
    """Bytes as MB/GB, everything else as a plain number."""
    if metric != "bytes":
        return f"{value:,}".replace(",", " ")
    if value >= 1_000_000_000:
        return f"{value / 1_000_000_000:.2f} GB"
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f} MB"
    if value >= 1_000:
        return f"{value / 1_000:.1f} kB"
    return f"{value} B"


def _money(cents: int, currency: str) -> str:
    """``1900, "usd"`` -> ``$19.00``; currencies without a symbol here get their code."""
    symbol = {"usd": "$", "eur": "€", "gbp": "£", "brl": "R$"}.get(currency.lower())
    amount = f"{cents / 100:,.2f}"
    return f"{symbol}{amount}" if symbol else f"{amount} {currency.upper()}"


def _bar(used: int, limit: int, width: int = 10) -> str:
    """``██████░░░░ 60%``: block characters read the same in Telegram, Slack and a terminal."""
    ratio = used / limit if limit > 0 else 1.0
    filled = min(width, round(ratio * width))
    return "█" * filled + "░" * (width - filled) + f" {int(ratio * 100)}%"


def _offer_params(offer: UpgradeOffer) -> dict[str, str]:
    return {"title": offer.title, "price": _money(offer.price_cents, offer.currency), "url": offer.url}


def _alert_text(alert: SpendingAlert, language: Language) -> str:
    label = metric_label(language, alert.metric)
    text = say(
        language,
        f"spending_alert_{alert.threshold}",
        label=label,
        used=_amount(alert.metric, alert.used),
        limit=_amount(alert.metric, alert.limit),
    )
    return text + " " + say(language, "spending_alert_metered" if alert.metered else "spending_alert_hard")
