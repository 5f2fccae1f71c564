"""Running publish jobs: claim the lease, drive the backend, record the outcome.

The same runner serves both queues: the in-process one (embedded setup) and
arq on Redis (``pagemagic worker``). A recovery loop picks up jobs nobody
holds — never started, or left behind by a worker that died — so a killed
worker's publish finishes (or cleanly fails) once another worker is up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import time
from collections.abc import Awaitable, Callable

from core.errors import BackendUnavailable, PageMagicError, PublishFailed, RolledBack
from core.observability.metrics import NO_METRICS, Metrics
from core.observability.tracing import span
from core.ports import HostingBackend, PublishTarget, UsageMeter
from core.storage.jobs import JobRecord, JobStore
from core.storage.store import Store

log = logging.getLogger("pagemagic.jobs")


def _reason(error: PageMagicError | OSError) -> str:
    """What a failed job records: our detail, or the operating system's words."""
    if isinstance(error, PageMagicError):
        return error.detail or error.code
    return error.strerror or type(error).__name__


def worker_identity() -> str:
    return f"{os.uname().nodename}:{os.getpid()}:{secrets.token_hex(3)}"


class JobRunner:
    def __init__(
        self,
        store: Store,
        backend: HostingBackend,
        meter: UsageMeter,
        *,
        owner: str | None = None,
        lease_seconds: float = 30.0,
        max_attempts: int = 5,
        retry_base_seconds: float = 5.0,
        plan_of: Callable[[int], Awaitable[str]] | None = None,
    ) -> None:
        self.store = store
        self.jobs = JobStore(store)
        self.backend = backend
        self.meter = meter
        self.owner = owner or worker_identity()
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.retry_base_seconds = retry_base_seconds
        self._plan_of = plan_of
        self._site_locks: dict[int, asyncio.Lock] = {}
        self.metrics: Metrics = NO_METRICS  # the wiring sets the Prometheus one

    async def run(self, job_id: int) -> str | None:
        """Run the job if it can be claimed; return its final (or retry) state."""
        job = await self.jobs.claim(job_id, self.owner, self.lease_seconds)
        if job is None:
            return None
        lock = self._site_locks.setdefault(job.site_id, asyncio.Lock())
        async with lock:  # one deploy per site at a time in this worker
            heartbeat = asyncio.create_task(self._heartbeat(job.id))
            started = time.monotonic()
            try:
                with span(f"{job.kind}_job", job_id=job.id, site_id=job.site_id):
                    log.info("%s job %s: site %s v%s claimed by %s", job.kind, job.id, job.site_id, job.version, self.owner)
                    state = await self._execute(job)
                self.metrics.job_state(job.kind, state)
                if state != "queued" and job.kind == "publish":  # queued again = a retry later, not an end
                    self.metrics.publish_finished(self.backend.name, state, time.monotonic() - started)
                log.info("%s job %s: %s", job.kind, job.id, state)
                return state
            finally:
                heartbeat.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await heartbeat

    async def _execute(self, job: JobRecord) -> str:
        if job.kind == "unpublish":
            return await self._unpublish(job)
        record = await self.store.site(job.site_id)
        version = await self.store.version(job.site_id, job.version)
        # Only domains whose DNS proved them go on the route (pending_dns ones wait for the check).
        domains = tuple(d.name for d in await self.store.domains_of(job.site_id) if d.status != "pending_dns")
        plan = await self._plan_of(record.owner_id) if self._plan_of else "free"
        target = PublishTarget(record.id, record.slug, job.version, plan, domains)

        async def progress(state: str, detail: str) -> None:
            self.metrics.job_state(job.kind, state)
            await self.jobs.move(job.id, self.owner, state, detail)

        try:
            release = await self.backend.publish(target, version.site, progress)
        except RolledBack as error:
            log.warning("publish job %s: rolled back (%s)", job.id, error.detail)
            await self.store.add_deployment(
                record.id, job.version, self.backend.name, "rolled_back", "", "", error=error.detail
            )
            await self.jobs.move(job.id, self.owner, "rolled_back", error.detail)
            return "rolled_back"
        except BackendUnavailable as error:
            return await self._retry_or_fail(job, error)
        except PublishFailed as error:
            log.warning("publish job %s: failed (%s)", job.id, error.detail)
            await self.store.add_deployment(
                record.id, job.version, self.backend.name, "failed", "", "", error=error.detail
            )
            await self.jobs.move(job.id, self.owner, "failed", error.detail)
            return "failed"
        except (PageMagicError, OSError) as error:
            await self.jobs.move(job.id, self.owner, "failed", _reason(error))
            return "failed"
        await self.store.add_deployment(record.id, job.version, self.backend.name, "live", release.url, release.release_id)
        await self.meter.record(record.owner_id, "publishes", 1, record.id)
        await self.jobs.move(job.id, self.owner, "live", "", result_url=release.url)
        return "live"

    async def _unpublish(self, job: JobRecord) -> str:
        """Take the site offline: service and routes removed by the backend; versions are kept."""
        record = await self.store.site(job.site_id)
        await self.jobs.move(job.id, self.owner, "removing")
        try:
            await self.backend.unpublish(record.slug)
        except BackendUnavailable as error:
            return await self._retry_or_fail(job, error)
        except (PageMagicError, OSError) as error:
            await self.jobs.move(job.id, self.owner, "failed", _reason(error))
            return "failed"
        await self.store.add_deployment(record.id, job.version, self.backend.name, "removed", "", "")
        await self.jobs.move(job.id, self.owner, "removed")
        return "removed"

    async def _retry_or_fail(self, job: JobRecord, error: BackendUnavailable) -> str:
        """The engine or registry is down: try again later, with backoff, up to ``max_attempts``."""
        if job.attempts >= self.max_attempts:
            log.warning("%s job %s: backend unavailable (%s); giving up after %s tries",
                        job.kind, job.id, error.detail, job.attempts)
            await self.jobs.move(job.id, self.owner, "failed", error.detail)
            return "failed"
        delay = self.retry_base_seconds * 2 ** (job.attempts - 1)
        log.warning("%s job %s: backend unavailable (%s); retry in %.0fs", job.kind, job.id, error.detail, delay)
        await self.jobs.retry_later(job.id, self.owner, delay, error.detail)
        return "queued"

    async def _heartbeat(self, job_id: int) -> None:
        while True:
            await asyncio.sleep(self.lease_seconds / 3)
            await self.jobs.heartbeat(job_id, self.owner, self.lease_seconds)

    async def recover_once(self) -> None:
        """Run the jobs nobody holds: never started, or left behind by a worker that died."""
        for job_id in await self.jobs.runnable():
            await self.run(job_id)


class InProcessQueue:
    """``JobQueue`` for the embedded setup: jobs run as tasks of this process."""

    def __init__(self, runner: JobRunner) -> None:
        self.runner = runner
        self._tasks: set[asyncio.Task[str | None]] = set()

    async def submit(self, job_id: int) -> None:
        task = asyncio.create_task(self.runner.run(job_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
