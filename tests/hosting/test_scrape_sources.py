"""The gauges the alert rules read, on SQLite and PostgreSQL: readiness, the oldest unfinished job,
certificate expiry and failed renewals, Redis memory."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families
from redis.asyncio import Redis

from core.settings import Settings
from core.storage.domains import DomainStore
from core.storage.jobs import JobStore
from core.storage.store import Store
from hosting import scrape_sources
from hosting.health import Readiness
from hosting.metrics import PrometheusMetrics
from tests.hosting.test_jobs import _site

NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


def samples(metrics: PrometheusMetrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(generate_latest(metrics.registry).decode()):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


async def test_job_age_and_certificates_come_from_the_database(store: Store) -> None:
    site_id = await _site(store)
    jobs = JobStore(store)
    await jobs.submit("publish", site_id, 1)
    metrics = PrometheusMetrics()
    await scrape_sources.job_age(store, metrics, clock=lambda: datetime.now(UTC) + timedelta(minutes=10))()

    domains = DomainStore(store)
    for name in ("padaria.pt", "loja.pt", "nova.pt"):
        await store.attach_domain(site_id, name, "pending_dns")
    await domains.update(site_id, "padaria.pt", "active", attempts=0, not_after=NOW + timedelta(days=60))
    await domains.update(site_id, "loja.pt", "active", attempts=4, not_after=NOW + timedelta(days=9))  # renewals failing
    await domains.update(site_id, "nova.pt", "pending_dns", attempts=7)  # DNS checks, not certificate orders
    await scrape_sources.certificates(store, metrics)()

    found = samples(metrics)
    age = found[("pagemagic_job_oldest_seconds", (("kind", "publish"), ("state", "queued")))]
    assert 590 < age < 660
    assert found[("pagemagic_job_oldest_seconds", (("kind", "publish"), ("state", "deploying")))] == 0
    expiry = ("pagemagic_certificate_expiry_timestamp_seconds",)
    assert found[(*expiry, (("domain", "loja.pt"),))] == (NOW + timedelta(days=9)).timestamp()
    assert found[(*expiry, (("domain", "padaria.pt"),))] == (NOW + timedelta(days=60)).timestamp()
    assert (*expiry, (("domain", "nova.pt"),)) not in found
    failed = "pagemagic_certificate_failed_attempts"
    assert found[(failed, (("domain", "loja.pt"),))] == 4
    assert found[(failed, (("domain", "padaria.pt"),))] == 0
    assert (failed, (("domain", "nova.pt"),)) not in found



async def test_readiness_and_redis_memory(redis: Redis, store: Store) -> None:
    metrics = PrometheusMetrics()
    down = Redis.from_url("redis://127.0.0.1:1/0")  # nothing listens on port 1
    settings = Settings(readyz_timeout=1, llm_base_url="http://127.0.0.1:1/v1")
    await scrape_sources.readiness(Readiness(settings, store, down, docker=False), metrics)()
    await scrape_sources.redis_memory(redis, metrics)()
    await down.aclose()
    found = samples(metrics)
    assert found[("pagemagic_dependency_up", (("dependency", "database"),))] == 1
    assert found[("pagemagic_dependency_up", (("dependency", "redis"),))] == 0
    assert found[("pagemagic_dependency_up", (("dependency", "llm"),))] == 0
    assert ("pagemagic_dependency_up", (("dependency", "docker"),)) not in found  # not used: not exported
    assert found[("pagemagic_redis_memory_used_bytes", ())] > 0
    assert found[("pagemagic_redis_maxmemory_bytes", ())] >= 0
