"""Durable jobs: the state of every publish, and who may run it.

A job is idempotent per (site, version): asking to publish a version that is
already being published joins the running job instead of starting a second
deploy. Execution is guarded by a lease, so a worker killed mid-deploy never
leaves the job orphaned: once its lease expires another worker claims it and
finishes (every step of a publish is safe to repeat).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from core.storage.store import Store
from core.storage.tables import JobRow, utcnow

ACTIVE_STATES = ("queued", "building", "pushing", "deploying", "removing")
TERMINAL_STATES = ("live", "failed", "rolled_back", "removed")


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


class JobStore:
    def __init__(self, store: Store) -> None:
        self._store = store

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
            now = utcnow()
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
        """Take the lease on an active job; None if someone else holds it or it is done or waiting."""
        now = utcnow()
        async with self._store.session() as session, session.begin():
            result = await session.execute(
                update(JobRow)
                .where(
                    JobRow.id == job_id,
                    JobRow.state.in_(ACTIVE_STATES),
                    or_(JobRow.lease_until.is_(None), JobRow.lease_until < now, JobRow.lease_owner == owner),
                    or_(JobRow.not_before.is_(None), JobRow.not_before <= now),
                )
                .values(
                    lease_owner=owner,
                    lease_until=now + timedelta(seconds=lease),
                    attempts=JobRow.attempts + 1,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            if int(getattr(result, "rowcount", 0) or 0) != 1:
                return None
            row = await session.get(JobRow, job_id)
            return _record(row) if row is not None else None

    async def heartbeat(self, job_id: int, owner: str, lease: float) -> bool:
        now = utcnow()
        async with self._store.session() as session, session.begin():
            result = await session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.lease_owner == owner, JobRow.state.in_(ACTIVE_STATES))
                .values(lease_until=now + timedelta(seconds=lease))
                .execution_options(synchronize_session=False)
            )
            return int(getattr(result, "rowcount", 0) or 0) == 1

    async def move(self, job_id: int, owner: str, state: str, detail: str = "", result_url: str = "") -> None:
        """Record progress (or the end) of a job the caller holds the lease on."""
        values: dict[str, object] = {"state": state, "detail": detail[-4000:], "updated_at": utcnow()}
        if result_url:
            values["result_url"] = result_url
        if state in TERMINAL_STATES:
            values.update(lease_owner="", lease_until=None)
        async with self._store.session() as session, session.begin():
            await session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.lease_owner == owner)
                .values(**values)
                .execution_options(synchronize_session=False)
            )

    async def retry_later(self, job_id: int, owner: str, delay: float, detail: str) -> None:
        """Give the job back (it stays active) to be tried again after ``delay`` seconds."""
        now = utcnow()
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

    async def runnable(self) -> list[int]:
        """Active jobs nobody holds (never started, or their worker died) and not waiting to retry."""
        now = utcnow()
        async with self._store.session() as session:
            rows = await session.scalars(
                select(JobRow.id)
                .where(
                    JobRow.state.in_(ACTIVE_STATES),
                    or_(JobRow.lease_until.is_(None), JobRow.lease_until < now),
                    or_(JobRow.not_before.is_(None), JobRow.not_before <= now),
                )
                .order_by(JobRow.id)
            )
            return list(rows)

    async def for_site(self, site_id: int, limit: int = 20) -> list[JobRecord]:
        async with self._store.session() as session:
            rows = await session.scalars(
                select(JobRow).where(JobRow.site_id == site_id).order_by(JobRow.id.desc()).limit(limit)
            )
            return [_record(r) for r in rows]
