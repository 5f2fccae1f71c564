"""Gauges read at scrape time for the operators' alerts (deploy/alerts.yml).

Each function returns a refresher for ``PrometheusMetrics.add_refresher``: readiness of each
dependency, the age of the oldest unfinished job, certificate expiry and failed renewals of
attached domains (from the database), and Redis memory. Reading them when Prometheus asks keeps
them exact on every replica without a background loop, and a source that fails is counted in
``pagemagic_scrape_errors_total`` and skipped (hosting/metrics.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from redis.asyncio import Redis
from sqlalchemy import func, select

from core.storage.domain_tables import DomainStateRow
from core.storage.store import Store
from core.storage.tables import DomainRow, JobRow
from hosting.health import Readiness
from hosting.metrics import PrometheusMetrics, Refresher

UNFINISHED = ("queued", "building", "pushing", "deploying", "removing")
# Domain states in which attempts count certificate orders (pending_dns counts DNS checks).
CERTIFICATE_STATES = ("issuing", "active", "failed")


def readiness(checks: Readiness, metrics: PrometheusMetrics) -> Refresher:
    """``pagemagic_dependency_up``: the /readyz checks, as numbers."""

    async def refresh() -> None:
        for result in await checks.check():
            if result.status != "not_configured":
                metrics.dependency_up.labels(result.name).set(1 if result.ok else 0)

    return refresh


def job_age(store: Store, metrics: PrometheusMetrics, clock: Callable[[], datetime] | None = None) -> Refresher:
    """``pagemagic_job_oldest_seconds``: how long the oldest job of each unfinished state has waited."""
    now = clock or (lambda: datetime.now(UTC))

    async def refresh() -> None:
        query = (
            select(JobRow.kind, JobRow.state, func.min(JobRow.created_at))
            .where(JobRow.state.in_(UNFINISHED))
            .group_by(JobRow.kind, JobRow.state)
        )
        async with store.session() as session:
            rows = (await session.execute(query)).all()
        oldest = {(kind, state): created for kind, state, created in rows}
        at = now()
        for kind in {k for k, _ in oldest} | {"publish"}:
            for state in UNFINISHED:
                created = oldest.get((kind, state))
                age = (at - _aware(created)).total_seconds() if created is not None else 0.0
                metrics.job_oldest.labels(kind, state).set(max(0.0, age))

    return refresh


def certificates(store: Store, metrics: PrometheusMetrics) -> Refresher:
    """Expiry and failed attempts of each attached domain's certificate."""

    async def refresh() -> None:
        query = select(DomainRow.name, DomainRow.status, DomainStateRow.not_after, DomainStateRow.attempts).join(
            DomainStateRow, DomainStateRow.domain_id == DomainRow.id
        )
        async with store.session() as session:
            rows = (await session.execute(query)).all()
        metrics.certificate_expiry.clear()  # a removed domain's series goes with it
        metrics.certificate_failures.clear()
        for name, status, not_after, attempts in rows:
            if not_after is not None:
                metrics.certificate_expiry.labels(name).set(_aware(not_after).timestamp())
            if status in CERTIFICATE_STATES:
                metrics.certificate_failures.labels(name).set(attempts or 0)

    return refresh


def redis_memory(redis: Redis, metrics: PrometheusMetrics) -> Refresher:
    """Redis's own memory figures (``INFO memory``)."""

    async def refresh() -> None:
        info = await redis.info("memory")
        metrics.redis_memory.set(int(info.get("used_memory", 0)))
        metrics.redis_maxmemory.set(int(info.get("maxmemory", 0)))

    return refresh


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
