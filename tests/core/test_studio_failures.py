"""Studio under failure: cancellation, generator crashes, bad output, quotas — nothing is lost."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from billing.quotas import PlanQuotas
from billing.usage import StoreUsageMeter
from core.errors import GenerationFailed, PublishFailed
from core.events import Cancelled, Event, Failed, PreviewReady, Reply, SectionReady
from core.llm.port import EditGenerated, GenerationRequest, SectionGenerated
from core.ports import ProgressReporter, PublishTarget, Release
from core.site.edits import SetIdentity
from core.site.schema import SECTION_ADAPTER
from core.site.sections import Hero
from core.site.site import Site
from core.storage.records import ChatRef
from core.storage.store import Store
from core.storage.tables import utcnow
from core.studio import Studio
from hosting.jobs import InProcessQueue, JobRunner
from hosting.live import LiveDrafts
from hosting.local import LocalHosting
from tests.core.scripted import ScriptedGenerator, Step, create_steps, sample_site
from tests.core.site.maximal import maximal_site
from tests.waiting import eventually

CHAT = ChatRef(platform="console", chat_id="t", user_id="u", language="en")


def make_studio(
    store: Store, generator: ScriptedGenerator, tmp_path: Path, clock: Callable[[], datetime] = utcnow
) -> tuple[Studio, LiveDrafts]:
    drafts = LiveDrafts("http://127.0.0.1:9")
    meter = StoreUsageMeter(store)
    hosting = LocalHosting(tmp_path / "sites", "http://127.0.0.1:9")
    queue = InProcessQueue(JobRunner(store, hosting, meter))
    studio = Studio(store, generator, hosting, drafts, meter, PlanQuotas(store, meter, clock=clock), queue)
    return studio, drafts


async def collect(stream: AsyncIterator[Event]) -> list[Event]:
    return [event async for event in stream]


async def test_a_new_message_cancels_a_running_generation(store: Store, tmp_path: Path) -> None:
    site = sample_site()

    def script(request: GenerationRequest) -> list[Step]:
        if request.current is None and "slow" in request.instruction:
            return create_steps(site, pause=0.2)
        return create_steps(site)

    generator = ScriptedGenerator(script)
    studio, drafts = make_studio(store, generator, tmp_path)
    slow_events: list[Event] = []

    async def slow() -> None:
        async for event in studio.message(CHAT, "a slow bakery"):
            slow_events.append(event)

    task = asyncio.create_task(slow())
    await eventually(lambda: any(isinstance(e, SectionReady) for e in slow_events), what="a first section")
    fast = await collect(studio.message(CHAT, "a quick bakery"))
    await task
    assert isinstance(slow_events[-1], Cancelled)
    assert sum(isinstance(e, SectionReady) for e in slow_events) < len(site.sections)
    assert isinstance(fast[-1], PreviewReady)  # the second message was handled in full
    assert generator.closed == 2  # the cancelled generator was closed, not leaked
    conversation = await store.conversation(CHAT)
    record = await store.site(conversation.site_id)  # type: ignore[arg-type]
    assert (await store.versions(record.id))[0].instruction == "a quick bakery"
    assert drafts.draft(record.preview_token) is None


async def test_generator_crash_mid_stream_keeps_the_previous_version(store: Store, tmp_path: Path) -> None:
    site = sample_site()

    def script(request: GenerationRequest) -> list[Step]:
        if request.current is None:
            return create_steps(site)
        return [EditGenerated(SetIdentity(name="Half done")), RuntimeError("connection dropped")]

    studio, _ = make_studio(store, ScriptedGenerator(script), tmp_path)
    await collect(studio.message(CHAT, "a bakery"))
    events = await collect(studio.message(CHAT, "rename it"))
    assert isinstance(events[-1], Failed)
    assert events[-1].code == "generation_failed"
    assert "unchanged" in events[-1].text
    conversation = await store.conversation(CHAT)
    record = await store.site(conversation.site_id)  # type: ignore[arg-type]
    assert record.current_version == 1 and record.name == site.name


async def test_invalid_section_from_a_generator_is_reported_with_its_path(store: Store, tmp_path: Path) -> None:
    site = sample_site()
    bad = Hero.model_construct(kind="hero", heading="", subheading="", primary_action=None, secondary_action=None)

    def script(request: GenerationRequest) -> list[Step]:
        return [*create_steps(site)[:3], SectionGenerated(bad)]

    studio, _ = make_studio(store, ScriptedGenerator(script), tmp_path)
    events = await collect(studio.message(CHAT, "a bakery"))
    assert isinstance(events[-1], Failed) and events[-1].code == "invalid_spec"
    assert "$.sections[2].heading" in events[-1].text
    assert (await store.conversation(CHAT)).site_id is None  # nothing half-saved


async def test_generation_failed_error_from_generator_is_friendly(store: Store, tmp_path: Path) -> None:
    studio, _ = make_studio(store, ScriptedGenerator(lambda r: [GenerationFailed("timeout")]), tmp_path)
    events = await collect(studio.message(CHAT, "a bakery"))
    assert isinstance(events[-1], Failed) and "unchanged" in events[-1].text
    assert events[-1].details["detail"] == "timeout"  # for the operator (it is logged too), not the user's text
    assert "timeout" not in events[-1].text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_quota_exceeded_is_explained_and_nothing_changes(store: Store, tmp_path: Path) -> None:
    month_end = datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC)  # the quota's month, pinned at its last second
    studio, _ = make_studio(store, ScriptedGenerator(lambda r: create_steps(sample_site())), tmp_path, lambda: month_end)
    conversation = await store.conversation(CHAT)
    await store.record_usage([(conversation.user_id, None, "generations", 100, month_end)])
    events = await collect(studio.message(CHAT, "a bakery"))
    assert isinstance(events[-1], Failed) and events[-1].code == "quota_exceeded"
    assert "100 of 100" in events[-1].text
    assert (await store.conversation(CHAT)).site_id is None


class BrokenBuilds(LocalHosting):
    """Local hosting whose image builds fail, with the kind of English log line Docker gives."""

    async def publish(self, target: PublishTarget, site: Site, progress: ProgressReporter) -> Release:
        raise PublishFailed("the image build failed: COPY failed: no source files were specified")


async def test_a_failed_publish_is_told_in_the_users_language_without_the_build_log(
    store: Store, tmp_path: Path
) -> None:
    drafts = LiveDrafts("http://127.0.0.1:9")
    meter = StoreUsageMeter(store)
    hosting = BrokenBuilds(tmp_path / "sites", "http://127.0.0.1:9")
    studio = Studio(store, ScriptedGenerator(lambda r: create_steps(sample_site())), hosting, drafts, meter,
                    PlanQuotas(store, meter), InProcessQueue(JobRunner(store, hosting, meter)))  # fmt: skip
    await collect(studio.message(CHAT, "Uma padaria artesanal em Lisboa"))
    failed = (await collect(studio.message(CHAT, "/publish")))[-1]
    assert isinstance(failed, Failed) and failed.code == "first_publish_failed"  # nothing was online before
    assert failed.text.startswith("A publicação falhou, por isso o site ainda não está online")
    assert "image build" not in failed.text and "COPY" in failed.details["detail"]  # kept for the operator


async def test_sections_past_the_page_budget_are_left_out_and_said(store: Store, tmp_path: Path) -> None:
    """Regression: a model writing long sections made a valid site over 40 KB; now the ones that no
    longer fit the page's budget are left out, said plainly, and the site is kept."""
    site = sample_site()
    long_about = SECTION_ADAPTER.validate_python(maximal_site(["about"])["sections"][0])

    def script(request: GenerationRequest) -> list[Step]:
        steps = create_steps(site)
        return [*steps[:2], SectionGenerated(long_about), SectionGenerated(long_about), *steps[2:]]

    studio, _ = make_studio(store, ScriptedGenerator(script), tmp_path)
    events = await collect(studio.message(CHAT, "a bakery"))
    assert isinstance(events[-1], PreviewReady)
    skipped = [e for e in events if isinstance(e, Reply) and e.kind == "section_skipped"]
    assert skipped, [type(e).__name__ for e in events]
    conversation = await store.conversation(CHAT)
    record = await store.site(conversation.site_id)  # type: ignore[arg-type]
    stored = (await store.versions(record.id))[0]
    assert len(stored.site.sections) < len(site.sections) + 2
