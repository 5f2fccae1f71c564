"""Running publish jobs: claim the lease, drive the backend, record the outcome.

The same runner serves both queues: the in-process one (embedded setup) and
arq on Redis (``pagemagic worker``). A recovery loop picks up jobs nobody
holds — never started, or left behind by a worker that died — so a killed
worker's publish finishes (or cleanly fails) once another worker is up.

The order rules live in ``core.storage.jobs``: one job of a site at a time,
and a job older than another one of its site that is live or on its way is
dropped as superseded. Here a worker that loses its lease (frozen past it,
say) stops and records nothing, and the job's id travels to the backend as a
fencing token, so even a worker that wakes up at the worst moment cannot put
an older release back online.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import time
from collections.abc import Awaitable, Callable

from core.errors import BackendUnavailable, PageMagicError, PublishFailed, RolledBack, Superseded
from core.observability.metrics import NO_METRICS, Metrics
from core.observability.tracing import span
from core.ports import HostingBackend, PublishTarget, UsageMeter
from core.storage.jobs import Clock, JobRecord, JobStore, Outcome
from core.storage.store import Store
from core.storage.tables import utcnow

log = logging.getLogger("pagemagic.jobs")


def _reason(error: PageMagicError | OSError) -> str:
    """What a failed job records: our detail, or the operating system's words."""
    if isinstance(error, PageMagicError):
        return error.detail or error.code
    return error.strerror or type(error).__name__


class _LeaseLost(Exception):
    """Our lease on the job ran out and may have been taken: stop, record nothing (never shown to a user)."""


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
        clock: Clock = utcnow,
    ) -> None:
        self.store = store
        self.jobs = JobStore(store, clock)
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
        """Run the job if it can be claimed, then the jobs of its site that waited for it.

        Returns the job's final (or retry) state, or None when it was not ours to run.
        """
        job = await self.jobs.claim(job_id, self.owner, self.lease_seconds)
        if job is None:
            return None
        state = await self._run_claimed(job)
        await self._run_waiting(job.site_id, done={job.id})
        return state

    async def _run_waiting(self, site_id: int, done: set[int]) -> None:
        """Jobs of the site that waited while these ran go next, oldest first (superseded ones end at once).

        A job already run here (``done``) is not run again now, even if due: one put back to retry
        waits for the recovery loop, whatever its delay.
        """
        while ids := [i for i in await self.jobs.runnable(site_id) if i not in done]:
            done.add(ids[0])
            job = await self.jobs.claim(ids[0], self.owner, self.lease_seconds)
            if job is None:
                return  # another worker holds one of the site's jobs: it will run the rest
            await self._run_claimed(job)

    async def _run_claimed(self, job: JobRecord) -> str | None:
        if job.state == "superseded":
            log.info("%s job %s: site %s v%s dropped, %s", job.kind, job.id, job.site_id, job.version, job.detail)
            self.metrics.job_state(job.kind, "superseded")
            return "superseded"
        lock = self._site_locks.setdefault(job.site_id, asyncio.Lock())
        async with lock:  # one deploy per site at a time in this worker
            started = time.monotonic()
            work = asyncio.create_task(self._execute(job))
            lease = asyncio.create_task(self._keep_lease(job.id))
            lost = False
            try:
                with span(f"{job.kind}_job", job_id=job.id, site_id=job.site_id):
                    log.info("%s job %s: site %s v%s claimed by %s", job.kind, job.id, job.site_id, job.version, self.owner)
                    await asyncio.wait({work, lease}, return_when=asyncio.FIRST_COMPLETED)
                    if not work.done():  # the lease was lost: whoever holds it now decides
                        lost = True
                        work.cancel()
                    try:
                        state = await work
                    except _LeaseLost:
                        lost = True
                    except asyncio.CancelledError:
                        if not lost:
                            raise  # cancelled from outside (shutdown)
            finally:
                work.cancel()
                lease.cancel()
                await asyncio.gather(work, lease, return_exceptions=True)
            if lost:
                log.warning("%s job %s: lease lost by %s; left to its new holder", job.kind, job.id, self.owner)
                return None
            self.metrics.job_state(job.kind, state)
            if state != "queued" and job.kind == "publish":  # queued again = a retry later, not an end
                self.metrics.publish_finished(self.backend.name, state, time.monotonic() - started)
            log.info("%s job %s: %s", job.kind, job.id, state)
            return state

    async def _end(self, job: JobRecord, outcome: Outcome) -> str:
        if not await self.jobs.finish(job, self.owner, outcome):
            raise _LeaseLost()
        return outcome.state

    async def _execute(self, job: JobRecord) -> str:
        if job.kind == "unpublish":
            return await self._unpublish(job)
        record = await self.store.site(job.site_id)
        version = await self.store.version(job.site_id, job.version)
        # Only domains the site holds go on the route (a claim waits for its DNS proof).
        domains = tuple(d.name for d in await self.store.domains_of(job.site_id) if d.held)
        plan = await self._plan_of(record.owner_id) if self._plan_of else "free"
        target = PublishTarget(record.id, record.slug, job.version, plan, domains, sequence=job.id)
        backend = self.backend.name

        async def progress(state: str, detail: str) -> None:
            self.metrics.job_state(job.kind, state)
            if not await self.jobs.move(job.id, self.owner, state, detail):
                raise _LeaseLost()

        try:
            release = await self.backend.publish(target, version.site, progress)
        except Superseded as error:  # the backend's fence: a later job's release is already there
            log.info("publish job %s: superseded at the switch (%s)", job.id, error.detail)
            return await self._end(job, Outcome("superseded", error.detail))
        except RolledBack as error:
            log.warning("publish job %s: rolled back (%s)", job.id, error.detail)
            return await self._end(job, Outcome("rolled_back", error.detail, deployment=(backend, "rolled_back", "")))
        except BackendUnavailable as error:
            return await self._retry_or_fail(job, error)
        except PublishFailed as error:
            log.warning("publish job %s: failed (%s)", job.id, error.detail)
            return await self._end(job, Outcome("failed", error.detail, deployment=(backend, "failed", "")))
        except (PageMagicError, OSError) as error:
            return await self._end(job, Outcome("failed", _reason(error)))
        state = await self._end(job, Outcome("live", "", release.url, deployment=(backend, "live", release.release_id)))
        await self.meter.record(record.owner_id, "publishes", 1, record.id)
        return state

    async def _unpublish(self, job: JobRecord) -> str:
        """Take the site offline: service and routes removed by the backend; versions are kept."""
        record = await self.store.site(job.site_id)
        if not await self.jobs.move(job.id, self.owner, "removing"):
            raise _LeaseLost()
        try:
            await self.backend.unpublish(record.slug)
        except BackendUnavailable as error:
            return await self._retry_or_fail(job, error)
        except (PageMagicError, OSError) as error:
            return await self._end(job, Outcome("failed", _reason(error)))
        return await self._end(job, Outcome("removed", deployment=(self.backend.name, "removed", "")))

    async def _retry_or_fail(self, job: JobRecord, error: BackendUnavailable) -> str:
        """The engine or registry is down: try again later, with backoff, up to ``max_attempts``.

        The retry is claimed like any job: if a later publish of the site went
        live meanwhile, it is dropped as superseded instead of run.
        """
        if job.attempts >= self.max_attempts:
            log.warning("%s job %s: backend unavailable (%s); giving up after %s tries",
                        job.kind, job.id, error.detail, job.attempts)
            return await self._end(job, Outcome("failed", error.detail))
        delay = self.retry_base_seconds * 2 ** (job.attempts - 1)
        log.warning("%s job %s: backend unavailable (%s); retry in %.0fs", job.kind, job.id, error.detail, delay)
        await self.jobs.retry_later(job.id, self.owner, delay, error.detail)
        return "queued"

    async def _keep_lease(self, job_id: int) -> None:
        """Renew the lease while the job runs; return as soon as a renewal fails (the lease is lost)."""
        while True:
            await asyncio.sleep(self.lease_seconds / 3)
            if not await self.jobs.heartbeat(job_id, self.owner, self.lease_seconds):
                return

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
