"""Publish jobs: idempotent per (site, version), leased, taken over when a worker dies."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from billing.usage import StoreUsageMeter
from core.errors import BackendUnavailable
from core.ports import ProgressReporter, PublishTarget, Release
from core.site.site import Site
from core.storage.jobs import JobStore
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from hosting.jobs import JobRunner
from hosting.local import LocalHosting
from tests.core.scripted import sample_site

CHAT = ChatRef(platform="console", chat_id="jobs", user_id="u")


async def _site(store: Store) -> int:
    conv = await store.conversation(CHAT)
    record = await store.create_site(conv.id, conv.user_id, sample_site(), "x", new_preview_token(), timedelta(hours=1))
    return record.id


async def test_publishing_the_same_version_twice_joins_one_job(store: Store) -> None:
    site_id = await _site(store)
    jobs = JobStore(store)
    first, created = await jobs.submit("publish", site_id, 1)
    again, created_again = await jobs.submit("publish", site_id, 1)
    assert created and not created_again and again.id == first.id


async def test_a_dead_workers_job_is_taken_over_after_its_lease(store: Store, tmp_path: Path) -> None:
    site_id = await _site(store)
    jobs = JobStore(store)
    job, _ = await jobs.submit("publish", site_id, 1)
    assert await jobs.claim(job.id, "dead-worker", lease=0.2) is not None
    await jobs.move(job.id, "dead-worker", "deploying")
    hosting = LocalHosting(tmp_path, "http://127.0.0.1:9")
    runner = JobRunner(store, hosting, StoreUsageMeter(store), owner="new-worker")
    assert await runner.run(job.id) is None  # still leased by the dead worker
    await asyncio.sleep(0.3)
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
    jobs = JobStore(store)
    job, _ = await jobs.submit("publish", site_id, 1)
    backend = FlakyBackend(failures=2)
    runner = JobRunner(store, backend, StoreUsageMeter(store), retry_base_seconds=0.05)  # type: ignore[arg-type]
    assert await runner.run(job.id) == "queued"
    waiting = await jobs.get(job.id)
    assert waiting is not None and waiting.state == "queued" and "engine down" in waiting.detail
    assert await runner.run(job.id) is None  # not before its retry time
    await asyncio.sleep(0.06)
    assert await runner.run(job.id) == "queued"
    await asyncio.sleep(0.11)
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
    jobs = JobStore(store)
    job, _ = await jobs.submit("unpublish", site_id, 1)
    backend = FlakyBackend(failures=1)
    runner = JobRunner(store, backend, StoreUsageMeter(store), retry_base_seconds=0.05)  # type: ignore[arg-type]
    assert await runner.run(job.id) == "queued"
    await asyncio.sleep(0.06)
    assert await runner.run(job.id) == "removed"
    done = await jobs.get(job.id)
    assert done is not None and done.state == "removed" and done.done
    assert backend.removed == ["padaria-estrela"] and backend.calls == 2
