"""Prometheus metrics: the registry, every series Page Magic exports, and the ``/metrics`` route.

``PrometheusMetrics`` implements core's ``Metrics`` port (Studio, the job
runner and the LLM client call it). A few series are not counted in process
but read at scrape time: jobs by state from the database, and the nginx
edge's request and byte counters from Redis (``hosting/edge_keys.py``), so
every app replica reports the same cluster-wide numbers for them.

Each process has its own registry (not prometheus-client's global one), so
several runtimes in one test process never collide.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy import func, select
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.storage.store import Store
from core.storage.tables import JobRow
from hosting.edge_keys import edges_key, index_key, month_key, overflow_key

log = logging.getLogger("pagemagic.metrics")

# Generations take seconds to minutes; the first section should come within a few seconds.
GENERATION_BUCKETS = (0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300)
FIRST_SECTION_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 60)
PUBLISH_BUCKETS = (0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600)
JOB_STATES = ("queued", "building", "pushing", "deploying", "removing", "live", "failed", "rolled_back", "removed")

Refresher = Callable[[], Awaitable[None]]


class PrometheusMetrics:
    """Core's ``Metrics`` port on prometheus-client, plus gauges filled at scrape time."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.chat_messages = Counter(
            "pagemagic_chat_messages", "Chat messages received, by platform.", ["platform"], registry=r
        )
        self.generation_seconds = Histogram(
            "pagemagic_generation_seconds",
            "Time from a description or refinement to its stored version, by model.",
            ["model", "kind", "outcome"],
            buckets=GENERATION_BUCKETS,
            registry=r,
        )
        self.first_section_seconds = Histogram(
            "pagemagic_generation_first_section_seconds",
            "Time from a message to its first section shown, by model.",
            ["model", "kind"],
            buckets=FIRST_SECTION_BUCKETS,
            registry=r,
        )
        self.sections = Counter(
            "pagemagic_sections_generated", "Sections generated (new or changed), by model.", ["model"], registry=r
        )
        self.sections_repaired = Counter(
            "pagemagic_sections_repaired",
            "Repairs of invalid sections or edits by outcome (repaired, gave_up), by model.",
            ["model", "outcome"],
            registry=r,
        )
        self.refusals = Counter(
            "pagemagic_rate_limit_refusals",
            "Requests refused by a rate limit, quota or spending cap, by reason.",
            ["reason"],
            registry=r,
        )
        self.job_transitions = Counter(
            "pagemagic_job_transitions", "Jobs entering a state, by kind and state.", ["kind", "state"], registry=r
        )
        self.jobs = Gauge("pagemagic_jobs", "Stored jobs by kind and current state.", ["kind", "state"], registry=r)
        self.publish_seconds = Histogram(
            "pagemagic_publish_duration_seconds",
            "Time a publish job ran, by backend and outcome.",
            ["backend", "outcome"],
            buckets=PUBLISH_BUCKETS,
            registry=r,
        )
        self.deploys = Counter(
            "pagemagic_deploys",
            "Publish outcomes: live (a deploy), rolled_back (a rollback), failed; by backend.",
            ["backend", "outcome"],
            registry=r,
        )
        self.meter_reports = Counter(
            "pagemagic_meter_reports", "Usage reports to Stripe, by outcome (sent, failed, rejected).", ["outcome"], registry=r
        )
        self.edge_requests = Gauge(
            "pagemagic_edge_requests_month",
            "Requests the edge served this month, by site (month-to-date counters in Redis).",
            ["site"],
            registry=r,
        )
        self.edge_bytes = Gauge(
            "pagemagic_edge_bytes_month", "Bytes the edge sent this month, by site.", ["site"], registry=r
        )
        self.edge_overflow = Gauge(
            "pagemagic_edge_overflow", "Edge counts not attributed to a site (its memory was full).", ["field"], registry=r
        )
        self.edge_instances = Gauge("pagemagic_edge_instances", "Edge instances seen in Redis.", registry=r)
        self.edge_pending = Gauge(
            "pagemagic_edge_pending_buckets", "Per-minute edge buckets not yet drained into usage.", registry=r
        )
        # read at scrape time for the alert rules (deploy/alerts.yml; hosting/scrape_sources.py)
        self.dependency_up = Gauge(
            "pagemagic_dependency_up",
            "1 while a dependency /readyz checks answers, 0 while it is down (unused ones are not exported).",
            ["dependency"],
            registry=r,
        )
        self.job_oldest = Gauge(
            "pagemagic_job_oldest_seconds",
            "Age of the oldest job in each unfinished state, by kind (0: none).",
            ["kind", "state"],
            registry=r,
        )
        self.certificate_expiry = Gauge(
            "pagemagic_certificate_expiry_timestamp_seconds",
            "When the certificate of an attached domain runs out (Unix time).",
            ["domain"],
            registry=r,
        )
        self.certificate_failures = Gauge(
            "pagemagic_certificate_failed_attempts",
            "Certificate orders or renewals of a domain that failed in a row (0: the last one worked).",
            ["domain"],
            registry=r,
        )
        self.redis_memory = Gauge("pagemagic_redis_memory_used_bytes", "Memory Redis uses (INFO memory).", registry=r)
        self.redis_maxmemory = Gauge(
            "pagemagic_redis_maxmemory_bytes", "Redis maxmemory (0: no limit set in Redis).", registry=r
        )
        self.scrape_errors = Counter(
            "pagemagic_scrape_errors", "Scrape-time reads that failed, by source.", ["source"], registry=r
        )
        self._refreshers: list[tuple[str, Refresher]] = []

    def preset(self, backend: str) -> None:
        """Export outcome series at 0 before the first one happens (rollbacks, failed reports)."""
        for outcome in ("live", "rolled_back", "failed"):
            self.deploys.labels(backend, outcome)
        for outcome in ("sent", "failed", "rejected"):
            self.meter_reports.labels(outcome)

    # -- the Metrics port ------------------------------------------------------------------

    def chat_message(self, platform: str) -> None:
        self.chat_messages.labels(platform or "unknown").inc()

    def generation(self, model: str, kind: str, outcome: str, seconds: float, first_section: float | None) -> None:
        self.generation_seconds.labels(model, kind, outcome).observe(seconds)
        if first_section is not None:
            self.first_section_seconds.labels(model, kind).observe(first_section)

    def sections_generated(self, model: str, count: int) -> None:
        if count > 0:
            self.sections.labels(model).inc(count)

    def section_repaired(self, model: str, outcome: str) -> None:
        self.sections_repaired.labels(model, outcome).inc()

    def refused(self, reason: str) -> None:
        self.refusals.labels(reason).inc()

    def job_state(self, kind: str, state: str) -> None:
        self.job_transitions.labels(kind, state).inc()

    def publish_finished(self, backend: str, outcome: str, seconds: float) -> None:
        self.publish_seconds.labels(backend, outcome).observe(seconds)
        self.deploys.labels(backend, outcome).inc()

    def meter_report(self, outcome: str, count: int = 1) -> None:
        self.meter_reports.labels(outcome).inc(count)

    # -- scrape-time sources -----------------------------------------------------------------

    def add_refresher(self, source: str, refresher: Refresher) -> None:
        self._refreshers.append((source, refresher))

    async def refresh(self, timeout: float = 2.0) -> None:
        """Run every scrape-time read; one that fails or hangs is counted and skipped."""
        for source, refresher in self._refreshers:
            try:
                await asyncio.wait_for(refresher(), timeout)
            except (TimeoutError, RedisError, OSError, ConnectionError) as exc:
                self.scrape_errors.labels(source).inc()
                log.warning("metrics: %s not read (%s)", source, type(exc).__name__)
            except Exception as exc:  # a broken source must not take /metrics down
                self.scrape_errors.labels(source).inc()
                log.warning("metrics: %s failed (%s)", source, type(exc).__name__)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)

    def route(self, path: str = "/metrics") -> Route:
        async def endpoint(_request: Request) -> Response:
            await self.refresh()
            return Response(self.exposition(), media_type=CONTENT_TYPE_LATEST)

        return Route(path, endpoint)


def job_counts(store: Store, metrics: PrometheusMetrics) -> Refresher:
    """Jobs by kind and current state, read from the database."""

    async def refresh() -> None:
        async with store.session() as session:
            query = select(JobRow.kind, JobRow.state, func.count()).group_by(JobRow.kind, JobRow.state)
            rows = (await session.execute(query)).all()
        seen = {(kind, state): int(count) for kind, state, count in rows}
        for kind in {k for k, _ in seen} | {"publish"}:
            for state in JOB_STATES:
                metrics.jobs.labels(kind, state).set(seen.get((kind, state), 0))

    return refresh


def edge_counters(redis: Redis, prefix: str, metrics: PrometheusMetrics, max_sites: int = 5000) -> Refresher:
    """Month-to-date requests and bytes per site, overflow, live edges and pending buckets from Redis."""

    async def refresh() -> None:
        month = datetime.now(UTC).strftime("%Y%m")
        pattern = month_key(prefix, "*", month)
        keys: list[str] = []
        async for key in redis.scan_iter(match=pattern, count=500):
            keys.append(key.decode() if isinstance(key, bytes) else str(key))
            if len(keys) >= max_sites:
                break
        pipe = redis.pipeline(transaction=False)
        for key in keys:
            pipe.hmget(key, ["requests", "bytes"])
        pipe.hgetall(overflow_key(prefix))
        pipe.zcard(edges_key(prefix))
        pipe.scard(index_key(prefix))
        results = await pipe.execute()
        head = len(prefix) + len("~month:")
        for key, (requests, sent) in zip(keys, results[: len(keys)], strict=True):
            slug = key[head:].rsplit(":", 1)[0]
            metrics.edge_requests.labels(slug).set(int(requests or 0))
            metrics.edge_bytes.labels(slug).set(int(sent or 0))
        overflow, edges, pending = results[len(keys) :]
        for field in ("requests", "bytes"):
            metrics.edge_overflow.labels(field).set(int(overflow.get(field.encode(), 0)))
        metrics.edge_instances.set(int(edges))
        metrics.edge_pending.set(int(pending))

    return refresh
