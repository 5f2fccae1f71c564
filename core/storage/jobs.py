"""Durable jobs: the state of every publish, and who may run it.

A job is idempotent per (site, version): asking to publish a version that is
already being published joins the running job instead of starting a second
deploy. Execution is guarded by a lease, so a worker killed mid-deploy never
leaves the job orphaned: once its lease expires another worker claims it and
finishes (every step of a publish is safe to repeat).

Jobs of one site run one at a time, in the order they were asked for, across
all workers: a job whose site has another job under a live lease waits
(state ``waiting``). The newest request wins: a job claimed (recovered after
a dead worker, retried after the engine was down, or simply delivered late)
when a *later* job of the same site is live, removed or still active is
dropped as ``superseded`` and never run, so an abandoned publish of version 2
cannot replace the version 3 published after it. "Later" is submission order
(the job id), not the version number: after /undo, publishing version 2 again
is a new request and wins over an older publish of version 3.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.storage.store import Store
from core.storage.tables import DeploymentRow, JobRow, SiteRow, utcnow

ACTIVE_STATES = ("queued", "waiting", "building", "pushing", "deploying", "removing")
TERMINAL_STATES = ("live", "failed", "rolled_back", "removed", "superseded")
# A later job in one of these states makes an earlier one pointless: it is (or will be) what is online.
SUPERSEDING_STATES = (*ACTIVE_STATES, "live", "removed")

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class JobRecord:
    id: int
    kind: str
    site_id: int
    version: int
    state: str
    detail: str
    result_url: str
    attempts: int
    created_at: datetime
    updated_at: datetime

    @property
    def done(self) -> bool:
        return self.state in TERMINAL_STATES


@dataclass(frozen=True)
class Outcome:
    """How a job ended, and the deployment row to record with it (none for failures that changed nothing)."""

    state: str
    detail: str = ""
    result_url: str = ""
    deployment: tuple[str, str, str] | None = None  # (backend, status, release)


def _record(row: JobRow) -> JobRecord:
    return JobRecord(
        id=row.id,
        kind=row.kind,
        site_id=row.site_id,
        version=row.version,
        state=row.state,
        detail=row.detail,
        result_url=row.result_url,
        attempts=row.attempts,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


class JobStore:
    def __init__(self, store: Store, clock: Clock = utcnow) -> None:
        self._store = store
        self._now = clock  # injected in tests: lease expiry and retry times without waiting

    async def submit(self, kind: str, site_id: int, version: int) -> tuple[JobRecord, bool]:
        """The active job for (kind, site, version) if there is one, else a new queued job."""
        async with self._store.session() as session, session.begin():
            existing = await session.scalar(
                select(JobRow)
                .where(
                    JobRow.kind == kind,
                    JobRow.site_id == site_id,
                    JobRow.version == version,
                    JobRow.state.in_(ACTIVE_STATES),
                )
                .order_by(JobRow.id)
                .limit(1)
            )
            if existing is not None:
                return _record(existing), False
            now = self._now()
            row = JobRow(
                kind=kind, site_id=site_id, version=version, state="queued", detail="", result_url="",
                attempts=0, lease_owner="", created_at=now, updated_at=now,
            )
            session.add(row)
            await session.flush()
            return _record(row), True

    async def get(self, job_id: int) -> JobRecord | None:
        async with self._store.session() as session:
            row = await session.get(JobRow, job_id)
            return _record(row) if row is not None else None

    async def claim(self, job_id: int, owner: str, lease: float) -> JobRecord | None:
        """Take the lease on an active job, or settle why it cannot run now.

        Returns the job under our lease; the job ended as ``superseded`` (a later
        job of its site is live, removed or on its way); or None: it is done, held
        by a live lease, waiting to retry, or ``waiting`` behind another job of
        its site that holds a lease. Decided in one transaction that holds the
        site (a row lock on PostgreSQL, the write lock on SQLite), so two workers
        never both start a job of the same site.
        """
        now = self._now()
        async with self._store.session() as session, session.begin():
            # A write first: on SQLite it takes the database's write lock, so what is read next is current.
            touched = await session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.state.in_(ACTIVE_STATES))
                .values(updated_at=now)
                .execution_options(synchronize_session=False)
            )
            if _rowcount(touched) != 1:
                return None
            row = await session.get(JobRow, job_id, populate_existing=True)
            assert row is not None
            await _hold_site(session, row.site_id)
            if row.not_before is not None and row.not_before > now:
                return None  # waiting for its retry time
            if row.lease_until is not None and row.lease_until >= now and row.lease_owner not in ("", owner):
                return None  # its worker is (as far as anyone can tell) alive
            newer = await session.scalar(
                select(JobRow)
                .where(JobRow.site_id == row.site_id, JobRow.id > row.id, JobRow.state.in_(SUPERSEDING_STATES))
                .order_by(JobRow.id.desc())
                .limit(1)
            )
            if newer is not None:
                row.state = "superseded"
                row.detail = f"superseded by {newer.kind} job {newer.id} (v{newer.version}, {newer.state})"
                row.lease_owner, row.lease_until, row.updated_at = "", None, now
                await session.flush()
                return _record(row)
            busy = await session.scalar(
                select(JobRow)
                .where(
                    JobRow.site_id == row.site_id,
                    JobRow.id != row.id,
                    JobRow.state.in_(ACTIVE_STATES),
                    JobRow.lease_owner != "",
                    JobRow.lease_until >= now,
                )
                .order_by(JobRow.id)
                .limit(1)
            )
            if busy is not None:
                if row.state in ("queued", "waiting") and row.lease_owner in ("", owner):
                    row.state = "waiting"
                    row.detail = f"after {busy.kind} job {busy.id} (v{busy.version})"
                    row.lease_owner, row.lease_until = "", None
                return None
            if row.state == "waiting":
                row.state, row.detail = "queued", ""
            row.lease_owner = owner
            row.lease_until = now + timedelta(seconds=lease)
            row.attempts += 1
            await session.flush()
            return _record(row)

    async def heartbeat(self, job_id: int, owner: str, lease: float) -> bool:
        """Extend our lease; False once it was lost (expired and taken, or the job ended)."""
        now = self._now()
        async with self._store.session() as session, session.begin():
            result = await session.execute(
                update(JobRow)
                .where(
                    JobRow.id == job_id,
                    JobRow.lease_owner == owner,
                    JobRow.state.in_(ACTIVE_STATES),
                    JobRow.lease_until >= now,  # an expired lease is never revived: someone may have taken the job
                )
                .values(lease_until=now + timedelta(seconds=lease))
                .execution_options(synchronize_session=False)
            )
            return _rowcount(result) == 1

    async def move(self, job_id: int, owner: str, state: str, detail: str = "") -> bool:
        """Record progress of a job the caller holds the lease on; False if the lease was lost."""
        now = self._now()
        async with self._store.session() as session, session.begin():
            result = await session.execute(
                update(JobRow)
                .where(*_held(job_id, owner, now))
                .values(state=state, detail=detail[-4000:], updated_at=now)
                .execution_options(synchronize_session=False)
            )
            return _rowcount(result) == 1

    async def finish(self, job: JobRecord, owner: str, outcome: Outcome) -> bool:
        """End a job we hold, with its deployment row, in one transaction; False if the lease was lost.

        A worker whose lease ran out (frozen past it, say) records nothing: the
        job may be someone else's now, and a later job of the site may already
        have gone live; its deployment row would contradict theirs. The job
        stays active, and whoever claims it next settles it (most likely as
        superseded).
        """
        now = self._now()
        async with self._store.session() as session, session.begin():
            result = await session.execute(
                update(JobRow)
                .where(*_held(job.id, owner, now))
                .values(
                    state=outcome.state,
                    detail=outcome.detail[-4000:],
                    result_url=outcome.result_url or JobRow.result_url,
                    lease_owner="",
                    lease_until=None,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            if _rowcount(result) != 1:
                return False
            if outcome.deployment is not None:
                backend, status, release = outcome.deployment
                session.add(
                    DeploymentRow(
                        site_id=job.site_id, version=job.version, backend=backend, status=status,
                        url=outcome.result_url, release=release, error=outcome.detail, created_at=now, updated_at=now,
                    )
                )
            return True

    async def abandon(self, job_id: int, detail: str) -> bool:
        """End a job nobody has started as ``failed`` (it could not be handed to a worker); False if one has."""
        async with self._store.session() as session, session.begin():
            result = await session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.state.in_(("queued", "waiting")), JobRow.lease_owner == "")
                .values(state="failed", detail=detail[-4000:], updated_at=self._now())
                .execution_options(synchronize_session=False)
            )
            return _rowcount(result) == 1

    async def retry_later(self, job_id: int, owner: str, delay: float, detail: str) -> None:
        """Give the job back (it stays active) to be tried again after ``delay`` seconds."""
        now = self._now()
        async with self._store.session() as session, session.begin():
            await session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.lease_owner == owner)
                .values(
                    state="queued",
                    detail=detail[-4000:],
                    lease_owner="",
                    lease_until=None,
                    not_before=now + timedelta(seconds=delay),
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )

    async def runnable(self, site_id: int | None = None) -> list[int]:
        """Active jobs nobody holds (never started, waiting, or their worker died) and not waiting to retry."""
        now = self._now()
        where = [
            JobRow.state.in_(ACTIVE_STATES),
            or_(JobRow.lease_until.is_(None), JobRow.lease_until < now),
            or_(JobRow.not_before.is_(None), JobRow.not_before <= now),
        ]
        if site_id is not None:
            where.append(JobRow.site_id == site_id)
        async with self._store.session() as session:
            rows = await session.scalars(select(JobRow.id).where(*where).order_by(JobRow.id))
            return list(rows)

    async def for_site(self, site_id: int, limit: int = 20) -> list[JobRecord]:
        async with self._store.session() as session:
            rows = await session.scalars(
                select(JobRow).where(JobRow.site_id == site_id).order_by(JobRow.id.desc()).limit(limit)
            )
            return [_record(r) for r in rows]


def _held(job_id: int, owner: str, now: datetime) -> tuple[ColumnElement[bool], ...]:
    """The job is active and ``owner``'s lease on it has not run out."""
    return (
        JobRow.id == job_id,
        JobRow.lease_owner == owner,
        JobRow.state.in_(ACTIVE_STATES),
        JobRow.lease_until >= now,
    )


async def _hold_site(session: AsyncSession, site_id: int) -> None:
    """Serialise claims of one site's jobs: a row lock on PostgreSQL (SQLite already holds its write lock).

    FOR NO KEY UPDATE: claims exclude each other, while rows that merely refer
    to the site (a new job, a deployment) can still be inserted meanwhile.
    """
    await session.execute(select(SiteRow.id).where(SiteRow.id == site_id).with_for_update(key_share=True))
