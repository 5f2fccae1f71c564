"""Publish jobs: idempotent per (site, version), leased, taken over when a worker dies."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select

from billing.usage import StoreUsageMeter
from core.errors import BackendUnavailable
from core.ports import ProgressReporter, PublishTarget, Release
from core.site.site import Site
from core.storage.jobs import JobStore, Outcome
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from core.storage.tables import DeploymentRow
from hosting.jobs import JobRunner
from hosting.local import LocalHosting
from tests.core.scripted import sample_site

T = TypeVar("T")
CHAT = ChatRef(platform="console", chat_id="jobs", user_id="u")


async def _site(store: Store, versions: int = 3) -> int:
    """A site with ``versions`` versions (the same content: what is published is not the subject here)."""
    conv = await store.conversation(CHAT)
    record = await store.create_site(conv.id, conv.user_id, sample_site(), "x", new_preview_token(), timedelta(hours=1))
    for number in range(2, versions + 1):
        await store.add_version(record.id, sample_site(), f"change {number}", number - 1, timedelta(hours=1))
    return record.id


class Clock:
    """The jobs' clock, moved by the test: leases run out and retry times come without waiting."""

    def __init__(self) -> None:
        self.now = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _runner(store: Store, backend: object, clock: Clock, owner: str, **options: Any) -> JobRunner:
    return JobRunner(store, backend, StoreUsageMeter(store), owner=owner, clock=clock, **options)  # type: ignore[arg-type]


async def test_publishing_the_same_version_twice_joins_one_job(store: Store) -> None:
    site_id = await _site(store)
    jobs = JobStore(store)
    first, created = await jobs.submit("publish", site_id, 1)
    again, created_again = await jobs.submit("publish", site_id, 1)
    assert created and not created_again and again.id == first.id


async def test_a_dead_workers_job_is_taken_over_after_its_lease(store: Store, tmp_path: Path) -> None:
    site_id = await _site(store)
    clock = Clock()
    jobs = JobStore(store, clock)
    job, _ = await jobs.submit("publish", site_id, 1)
    assert await jobs.claim(job.id, "dead-worker", lease=15) is not None
    await jobs.move(job.id, "dead-worker", "deploying")
    hosting = LocalHosting(tmp_path, "http://127.0.0.1:9")
    runner = _runner(store, hosting, clock, "new-worker")
    assert await runner.run(job.id) is None  # still leased by the dead worker
    clock.advance(16)
    assert await jobs.runnable() == [job.id]
    assert await runner.run(job.id) == "live"
    done = await jobs.get(job.id)
    assert done is not None and done.state == "live" and done.result_url.endswith("/s/padaria-estrela/")
    assert (await store.latest_deployment(site_id)) is not None
    assert await runner.run(job.id) is None  # a finished job is never run again


class FlakyBackend:
    """A backend whose engine is down for the first ``failures`` attempts."""

    name = "flaky"

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0
        self.removed: list[str] = []

    def site_url(self, slug: str) -> str:
        return f"http://127.0.0.1:9/{slug}/"

    async def publish(self, target: PublishTarget, site: Site, progress: ProgressReporter) -> Release:
        self.calls += 1
        if self.calls <= self.failures:
            raise BackendUnavailable("engine down")
        await progress("deploying", "")
        return Release(self.site_url(target.slug), f"r{target.version}")

    async def unpublish(self, slug: str) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise BackendUnavailable("engine down")
        self.removed.append(slug)

    async def map_domain(self, target: PublishTarget, domain: str) -> object:
        raise NotImplementedError


async def test_backend_unavailable_keeps_the_job_and_retries_it(store: Store) -> None:
    site_id = await _site(store)
    clock = Clock()
    jobs = JobStore(store, clock)
    job, _ = await jobs.submit("publish", site_id, 1)
    backend = FlakyBackend(failures=2)
    runner = _runner(store, backend, clock, "worker", retry_base_seconds=5)
    assert await runner.run(job.id) == "queued"
    waiting = await jobs.get(job.id)
    assert waiting is not None and waiting.state == "queued" and "engine down" in waiting.detail
    assert await runner.run(job.id) is None  # not before its retry time (5 s)
    clock.advance(5)
    assert await runner.run(job.id) == "queued"  # the second retry waits twice as long
    clock.advance(9)
    assert await runner.run(job.id) is None
    clock.advance(1)
    assert await runner.run(job.id) == "live"
    assert backend.calls == 3


async def test_too_many_attempts_fail_the_job_clearly(store: Store) -> None:
    site_id = await _site(store)
    jobs = JobStore(store)
    job, _ = await jobs.submit("publish", site_id, 1)
    runner = JobRunner(store, FlakyBackend(failures=99), StoreUsageMeter(store), max_attempts=1)  # type: ignore[arg-type]
    assert await runner.run(job.id) == "failed"
    failed = await jobs.get(job.id)
    assert failed is not None and failed.state == "failed" and failed.detail == "engine down"


async def test_unpublish_is_a_job_retried_while_the_engine_is_down(store: Store) -> None:
    site_id = await _site(store)
    clock = Clock()
    jobs = JobStore(store, clock)
    job, _ = await jobs.submit("unpublish", site_id, 1)
    backend = FlakyBackend(failures=1)
    runner = _runner(store, backend, clock, "worker", retry_base_seconds=5)
    assert await runner.run(job.id) == "queued"
    clock.advance(5)
    assert await runner.run(job.id) == "removed"
    done = await jobs.get(job.id)
    assert done is not None and done.state == "removed" and done.done
    assert backend.removed == ["padaria-estrela"] and backend.calls == 2


# -- issue 14, item 1: an abandoned or retried older job never replaces a later one ------------------


async def _live_versions(store: Store, site_id: int) -> list[int]:
    async with store.session() as session:
        rows = await session.scalars(
            select(DeploymentRow.version).where(DeploymentRow.site_id == site_id, DeploymentRow.status == "live")
            .order_by(DeploymentRow.id)
        )
        return list(rows)


async def test_a_recovered_publish_older_than_the_live_one_is_dropped_as_superseded(store: Store, tmp_path: Path) -> None:
    site_id = await _site(store)
    clock = Clock()
    jobs = JobStore(store, clock)
    old, _ = await jobs.submit("publish", site_id, 2)
    assert await jobs.claim(old.id, "frozen-worker", lease=15) is not None  # then the worker froze and died
    await jobs.move(old.id, "frozen-worker", "deploying")
    hosting = LocalHosting(tmp_path, "http://127.0.0.1:9")
    survivor = _runner(store, hosting, clock, "survivor", lease_seconds=15)
    new, _ = await jobs.submit("publish", site_id, 3)
    assert await survivor.run(new.id) is None  # the frozen worker's lease still holds the site
    waiting = await jobs.get(new.id)
    assert waiting is not None and waiting.state == "waiting" and f"job {old.id}" in waiting.detail

    clock.advance(16)  # the frozen worker's lease runs out
    await survivor.recover_once()
    dropped, done = await jobs.get(old.id), await jobs.get(new.id)
    assert dropped is not None and dropped.state == "superseded" and dropped.done
    assert f"job {new.id} (v3" in dropped.detail
    assert done is not None and done.state == "live"
    assert await _live_versions(store, site_id) == [3]
    online = await store.online_deployment(site_id)
    assert online is not None and online.version == 3
    assert os.readlink(hosting.current_dir("padaria-estrela")).startswith("releases/v3-")
    assert await survivor.run(old.id) is None  # and it stays dropped


async def test_a_publish_retried_after_the_engine_was_down_is_superseded_by_a_later_one(store: Store) -> None:
    site_id = await _site(store)
    clock = Clock()
    jobs = JobStore(store, clock)
    backend = FlakyBackend(failures=1)
    runner = _runner(store, backend, clock, "worker", retry_base_seconds=5)
    old, _ = await jobs.submit("publish", site_id, 2)
    assert await runner.run(old.id) == "queued"  # BackendUnavailable: retry in 5 s
    new, _ = await jobs.submit("publish", site_id, 3)
    assert await runner.run(new.id) == "live"
    clock.advance(6)
    await runner.recover_once()
    dropped = await jobs.get(old.id)
    assert dropped is not None and dropped.state == "superseded"
    assert backend.calls == 2  # the old version was never deployed after the later one
    assert await _live_versions(store, site_id) == [3]


async def test_an_unpublish_recovered_after_a_later_publish_is_superseded(store: Store) -> None:
    site_id = await _site(store)
    clock = Clock()
    jobs = JobStore(store, clock)
    unpublish, _ = await jobs.submit("unpublish", site_id, 1)
    assert await jobs.claim(unpublish.id, "dead-worker", lease=15) is not None
    clock.advance(16)
    backend = FlakyBackend(failures=0)
    runner = _runner(store, backend, clock, "worker")
    publish, _ = await jobs.submit("publish", site_id, 2)
    assert await runner.run(publish.id) == "live"
    await runner.recover_once()
    dropped = await jobs.get(unpublish.id)
    assert dropped is not None and dropped.state == "superseded"
    assert backend.removed == []  # the site was not taken offline after the newer publish
    assert await store.is_online(site_id)


async def test_the_newest_request_wins_even_when_it_is_an_older_version(store: Store) -> None:
    """After /undo, publishing version 2 again is a new request: it is not superseded by v3's earlier job."""
    site_id = await _site(store)
    clock = Clock()
    jobs = JobStore(store, clock)
    runner = _runner(store, FlakyBackend(failures=0), clock, "worker")
    first, _ = await jobs.submit("publish", site_id, 3)
    assert await runner.run(first.id) == "live"
    again, _ = await jobs.submit("publish", site_id, 2)
    assert await runner.run(again.id) == "live"
    assert await _live_versions(store, site_id) == [3, 2]
    online = await store.online_deployment(site_id)
    assert online is not None and online.version == 2


async def test_a_job_waiting_for_its_sites_running_job_goes_next(store: Store) -> None:
    site_id = await _site(store)
    clock = Clock()
    jobs = JobStore(store, clock)
    gate = asyncio.Event()

    class SlowBackend(FlakyBackend):
        async def publish(self, target: PublishTarget, site: Site, progress: ProgressReporter) -> Release:
            await gate.wait()
            return await super().publish(target, site, progress)

    backend = SlowBackend(failures=0)
    runner = _runner(store, backend, clock, "worker")
    first, _ = await jobs.submit("publish", site_id, 2)
    running = asyncio.create_task(runner.run(first.id))
    await wait_until(lambda: jobs.get(first.id), lambda job: job is not None and job.attempts == 1)
    second, _ = await jobs.submit("publish", site_id, 3)
    other_worker = _runner(store, backend, clock, "other")
    assert await other_worker.run(second.id) is None  # not while the first holds the site
    gate.set()
    assert await running == "live"
    done = await jobs.get(second.id)  # run right after the first, by the worker that ran it
    assert done is not None and done.state == "live"
    assert await _live_versions(store, site_id) == [2, 3]


async def test_a_worker_whose_lease_ran_out_records_nothing(store: Store) -> None:
    site_id = await _site(store)
    clock = Clock()
    jobs = JobStore(store, clock)
    job, _ = await jobs.submit("publish", site_id, 2)
    claimed = await jobs.claim(job.id, "frozen-worker", lease=15)
    assert claimed is not None
    clock.advance(16)  # frozen past its lease; meanwhile the job may have been taken
    assert not await jobs.heartbeat(job.id, "frozen-worker", 15)  # an expired lease is never revived
    assert not await jobs.move(job.id, "frozen-worker", "deploying")
    assert not await jobs.finish(claimed, "frozen-worker", Outcome("live", deployment=("local", "live", "r2")))
    assert await _live_versions(store, site_id) == []
    still = await jobs.get(job.id)
    assert still is not None and still.state == "queued"  # whoever claims it next settles it


async def wait_until(read: Callable[[], Awaitable[T]], ok: Callable[[T], bool], timeout: float = 10) -> T:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = await read()
        if ok(value):
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out; last value {value!r}")
        await asyncio.sleep(0.01)
