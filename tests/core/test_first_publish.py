"""Publishing a site that is not online says so: no "the current one keeps serving" when none does.

The first /publish said "Putting the new version online (the current one keeps serving until it
is ready)" with nothing live, and a failed or rolled-back first publish said "the previous
release is still online". The bot never claims what did not happen.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from billing.quotas import PlanQuotas
from billing.usage import StoreUsageMeter
from core.errors import PublishFailed, RolledBack
from core.events import Event, Failed, PreviewReady, Published, PublishProgress
from core.llm.port import EditGenerated, GenerationRequest
from core.ports import HostingBackend, ProgressReporter, PublishTarget, Release
from core.site.edits import SetIdentity
from core.site.site import Site
from core.site.values import LANGUAGES, Language
from core.storage.jobs import JobStore
from core.storage.records import ChatRef
from core.storage.store import Store
from core.studio import Studio
from hosting.jobs import InProcessQueue, JobRunner
from hosting.live import LiveDrafts
from hosting.local import LocalHosting
from tests.core.scripted import ScriptedGenerator, Step, create_steps, sample_site

# What each language says when an older release keeps serving; a first publish must not say it.
STILL_SERVING = {
    "en": "current one keeps serving",
    "pt_BR": "a atual continua funcionando",
    "pt_PT": "a atual continua a servir",
    "es": "la actual sigue sirviendo",
}
PREVIOUS_ONLINE = {"en": "previous"}
DESCRIPTION = {
    "en": "a bakery in Lisbon",
    "pt_BR": "uma padaria em Curitiba",
    "pt_PT": "uma padaria em Lisboa",
    "es": "una panadería en Sevilla",
}


class Outcome:
    """Local hosting whose next publishes fail, roll back, or succeed, as a test sets it."""

    def __init__(self) -> None:
        self.next = "live"


class ScriptedHosting(LocalHosting):
    """Holds each publish in "deploying" until the chat has shown that state (it follows by polling)."""

    def __init__(self, root: Path, outcome: Outcome) -> None:
        super().__init__(root, "http://127.0.0.1:9")
        self.outcome = outcome
        self.deploying_seen = asyncio.Event()

    async def publish(self, target: PublishTarget, site: Site, progress: ProgressReporter) -> Release:
        if self.outcome.next == "failed":
            raise PublishFailed("the image build failed: COPY failed")
        self.deploying_seen.clear()
        await progress("deploying", "")
        async with asyncio.timeout(30):
            await self.deploying_seen.wait()
        if self.outcome.next == "rolled_back":
            raise RolledBack("health check failed")
        return await super().publish(target, site, progress)


async def publish(studio: Studio, chat: ChatRef, hosting: ScriptedHosting) -> list[Event]:
    events: list[Event] = []
    async for event in studio.message(chat, "/publish"):
        events.append(event)
        if isinstance(event, PublishProgress) and event.state == "deploying":
            hosting.deploying_seen.set()
    return events


def make_studio(store: Store, hosting: HostingBackend) -> Studio:
    meter = StoreUsageMeter(store)
    return Studio(store, ScriptedGenerator(lambda r: create_steps(sample_site())), hosting,
                  LiveDrafts("http://127.0.0.1:9"), meter, PlanQuotas(store, meter),
                  InProcessQueue(JobRunner(store, hosting, meter)))  # fmt: skip


async def collect(stream: AsyncIterator[Event]) -> list[Event]:
    return [event async for event in stream]


def progress_text(events: list[Event]) -> str:
    return "\n".join(e.text for e in events if isinstance(e, PublishProgress))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_first_publish_does_not_speak_of_a_current_release(
    store: Store, tmp_path: Path, language: Language
) -> None:
    hosting = ScriptedHosting(tmp_path / "sites", Outcome())
    studio = make_studio(store, hosting)
    chat = ChatRef(platform="console", chat_id=f"first-{language}", user_id="u", language=language)
    await collect(studio.message(chat, DESCRIPTION[language]))

    first = await publish(studio, chat, hosting)
    assert isinstance(first[-1], Published)
    assert "deploying" in [e.state for e in first if isinstance(e, PublishProgress)]
    assert STILL_SERVING[language] not in progress_text(first)

    again = await publish(studio, chat, hosting)  # a republish: the live release does keep serving
    assert isinstance(again[-1], Published)
    assert STILL_SERVING[language] in progress_text(again)


@pytest.mark.parametrize("result", ["failed", "rolled_back"])
async def test_a_failed_first_publish_does_not_claim_a_previous_release(
    store: Store, tmp_path: Path, result: str
) -> None:
    outcome = Outcome()
    hosting = ScriptedHosting(tmp_path / "sites", outcome)
    studio = make_studio(store, hosting)
    chat = ChatRef(platform="console", chat_id="fail", user_id="u", language="en")
    await collect(studio.message(chat, "a bakery in Lisbon"))

    outcome.next = result
    failed = (await publish(studio, chat, hosting))[-1]
    assert isinstance(failed, Failed)
    assert PREVIOUS_ONLINE["en"] not in failed.text and "not online" in failed.text

    outcome.next = "live"
    assert isinstance((await publish(studio, chat, hosting))[-1], Published)
    outcome.next = result
    failed = (await publish(studio, chat, hosting))[-1]
    assert isinstance(failed, Failed) and PREVIOUS_ONLINE["en"] in failed.text  # now one does serve


class HeldHosting(LocalHosting):
    """Local hosting that holds a publish in "deploying" until released; a publish may be set to fail."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, "http://127.0.0.1:9")
        self.deploying = asyncio.Event()
        self.release = asyncio.Event()
        self.fail_next = False

    async def publish(self, target: PublishTarget, site: Site, progress: ProgressReporter) -> Release:
        if self.fail_next:
            raise PublishFailed("the image build failed: COPY failed")
        await progress("deploying", "")
        self.deploying.set()
        async with asyncio.timeout(30):
            await self.release.wait()
        return await super().publish(target, site, progress)


async def test_a_publish_that_waited_for_the_first_one_knows_a_release_serves_now(store: Store, tmp_path: Path) -> None:
    """Nothing was online when this /publish was asked, but the publish it waited for went live meanwhile."""
    hosting = HeldHosting(tmp_path / "sites")
    meter = StoreUsageMeter(store)

    def steps(request: GenerationRequest) -> list[Step]:  # a refinement renames the site: version 2
        return [EditGenerated(SetIdentity(name="Golden Crust"))] if request.is_refinement else create_steps(sample_site())

    def studio(owner: str) -> Studio:  # two processes of one conversation (a terminal chat started twice)
        return Studio(store, ScriptedGenerator(steps), hosting, LiveDrafts("http://127.0.0.1:9"), meter,
                      PlanQuotas(store, meter), InProcessQueue(JobRunner(store, hosting, meter, owner=owner)))  # fmt: skip

    first, second = studio("chat-a"), studio("chat-b")
    chat = ChatRef(platform="console", chat_id="twice", user_id="u", language="en")
    await collect(first.message(chat, "a bakery in Lisbon"))
    publishing_v1 = asyncio.create_task(collect(first.message(chat, "/publish")))
    async with asyncio.timeout(30):
        await hosting.deploying.wait()

    assert isinstance((await collect(second.message(chat, "call it Golden Crust")))[-1], PreviewReady)
    publishing_v2 = asyncio.create_task(collect(second.message(chat, "/publish")))
    site_id = (await store.conversation(chat)).site_id
    assert site_id is not None
    jobs = JobStore(store)

    async def version_2_waits() -> bool:
        newest = (await jobs.for_site(site_id, limit=1))[0]
        return (newest.version, newest.state) == (2, "waiting")

    async with asyncio.timeout(30):  # version 2's job waits for version 1's, which holds the site
        while not await version_2_waits():
            await asyncio.sleep(0.05)

    hosting.fail_next = True
    hosting.release.set()
    assert isinstance((await publishing_v1)[-1], Published)
    failed = (await publishing_v2)[-1]
    assert isinstance(failed, Failed) and failed.code == "publish_failed", failed
    assert PREVIOUS_ONLINE["en"] in failed.text and "not online" not in failed.text
