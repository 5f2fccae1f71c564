"""Generation: a description becomes a site, a refinement a new version, section by section."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from core.errors import (
    GenerationFailed,
    InvalidSpec,
    PageMagicError,
)
from core.events import (
    Cancelled,
    Event,
    GenerationStarted,
    PreviewReady,
    Reply,
    SectionReady,
    SiteChanged,
)
from core.llm.port import (
    CannotHelp,
    EditGenerated,
    GenerationEvent,
    GenerationRequest,
    HeaderGenerated,
    PartSkipped,
    SectionGenerated,
    Summary,
    TokensUsed,
    Turn,
)
from core.messages import say, say_plural, section_label
from core.observability.metrics import Metrics
from core.site.describe import section_heading, section_summary
from core.site.edits import AddImage, Edit, PlaceImage, apply_edits
from core.site.schema import recheck_header, recheck_section
from core.site.sections import Section
from core.site.site import Site, SiteHeader
from core.site.values import Language
from core.site.weight import section_weight, sections_budget
from core.storage.images import ImageUploads
from core.storage.records import ConversationRecord, SiteRecord, VersionRecord
from core.storage.store import new_preview_token
from core.studio.base import StudioBase
from core.studio.images import logo_palette


class GenerationFlow(StudioBase):
    """Describe and refine: streaming a generator's events into stored versions."""

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
        used = 0  # the sections' page weight so far (core.site.weight)
        tokens = 0
        timing = _Timing()
        try:
            async for event in self._generate(request, cancel):
                if isinstance(event, HeaderGenerated):
                    header = recheck_header(event.header)
                    await self.previews.draft_started(token, header)
                elif isinstance(event, SectionGenerated):
                    if header is None:
                        raise GenerationFailed("a section came before the site's header")
                    section = recheck_section(event.section, len(sections))
                    weight = section_weight(section.kind, section.model_dump(), header.business.model_dump())
                    if used + weight > sections_budget(header.model_dump()):
                        # The page would pass 40 KB: keep what fits and say plainly what was left out.
                        yield self._part_skipped(
                            PartSkipped("section", section.kind, f"$.sections[{len(sections)}]", "page budget"), language
                        )
                        continue
                    used += weight
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
            site = await self._with_pending_images(conversation, Site.assemble(header, sections))
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
        self, conversation: ConversationRecord, text: str, language: Language, cancel: asyncio.Event,
        opened: tuple[SiteRecord, VersionRecord] | None = None,
    ) -> AsyncIterator[Event]:
        """Apply a refinement as edits on the current version; only changed sections stream back.

        ``opened``: the site and its current version when the caller has just read them.
        """
        assert conversation.site_id is not None
        await self.quotas.check(conversation.user_id, "generations")
        if opened is None:
            record = await self.store.site(conversation.site_id)
            current = await self.store.version(record.id, record.current_version)
        else:
            record, current = opened
        preview_url = self.previews.preview_url(record.preview_token)
        yield GenerationStarted("refine", language, say(language, "generating_refine") + " " + preview_url)
        turns = await self.store.recent_turns(conversation.id, 12)
        request = GenerationRequest(
            instruction=text,
            current=current.site,
            language=language,
            history=tuple(Turn("user" if r == "user" else "assistant", t) for r, t in turns[:-1]),
            focus_images=await self._just_sent(record.id, current.number, current.site),
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
                    yield self._part_skipped(event, language)
                elif isinstance(event, CannotHelp):
                    timing.outcome = "cannot_help"
                    yield Reply(event.message, kind="cannot_help")
                    return
            if cancel.is_set():
                timing.outcome = "cancelled"
                yield Cancelled(say(language, "cancelled"))
                return
            site = await self._checked_images(conversation.user_id, record.id, current.site, site)
            if edits == 0 or site == current.site:
                timing.outcome = "no_change"
                if edits:  # the changes asked for are already there: say so, not "done"
                    yield Reply(say(language, "refine_already", version=current.number), kind="no_change")
                else:
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
        key = _refine_message(current.site, site, changed_indexes)
        removed = max(0, len(current.site.sections) - len(site.sections))
        yield PreviewReady(
            url=preview_url,
            version=record.current_version,
            site_name=site.name,
            changed_sections=changed_indexes,
            text=(
                say_plural(language, key, len(changed_indexes), version=record.current_version, url=preview_url)
                if key == "preview_ready_refine"
                else say(language, key, version=record.current_version, removed=removed, url=preview_url)
            ),
        )

    async def _just_sent(self, site_id: int, number: int, site: Site) -> tuple[str, ...]:
        """The photos the current version brought in (sent just before this message): what "it" means
        when the caption did not say what to do and the next message does."""
        if not site.images:
            return ()
        before = set() if number <= 1 else {i.hash for i in (await self.store.version(site_id, number - 1)).site.images}
        return tuple(image.hash for image in site.images if image.hash not in before)

    async def _with_pending_images(self, conversation: ConversationRecord, site: Site) -> Site:
        """Photos sent before the site existed go into its gallery (the first one as the cover)."""
        pending = await ImageUploads(self.store).take_pending(conversation.id)
        edits: list[Edit] = []
        for n, asset in enumerate(pending):
            key = "alt_cover" if n == 0 else "alt_gallery"
            alt = say(site.language, key, name=site.name)
            edits.append(AddImage(image=asset.model_copy(update={"alt": alt})))
            edits.append(PlaceImage(hash=asset.hash, target="cover" if n == 0 else "gallery"))
        if not edits:
            return site
        try:
            placed, _ = apply_edits(site, edits)
        except InvalidSpec:
            return site
        return placed

    async def _checked_images(self, user_id: int, site_id: int, before: Site, after: Site) -> Site:
        """Images a refinement added must be the owner's own uploads; a new logo may recolour the theme."""
        added = {i.hash for i in after.images} - {i.hash for i in before.images}
        if added and added - await ImageUploads(self.store).owned(user_id, added):
            raise InvalidSpec("$.images", "an edit named an image nobody sent")
        site, _ = await logo_palette(self.store, site_id, before, after)
        return site

    async def _generate(
        self, request: GenerationRequest, cancel: asyncio.Event
    ) -> AsyncIterator[GenerationEvent]:
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
        await self.meter.record_many(user_id, {"generations": 1, "sections": sections, "tokens": tokens}, site_id)
        self.metrics.sections_generated(self.config.model, sections)

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


def _refine_message(before: Site, after: Site, changed: tuple[int, ...]) -> str:
    """Which "updated" message tells the truth: sections changed, removed or reordered, the look,
    or the business details (phone, hours, name...) that sections show but do not hold."""
    if changed:  # a plural message: "1 section changed", "3 sections changed"
        return "preview_ready_refine"
    if len(after.sections) < len(before.sections):
        return "preview_ready_refine_removed"
    if [s.model_dump_json() for s in after.sections] != [s.model_dump_json() for s in before.sections]:
        return "preview_ready_refine_moved"
    if after.theme == before.theme:
        return "preview_ready_refine_details"
    return "preview_ready_refine_none"
