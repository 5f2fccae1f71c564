"""``pagemagic worker``: runs publish jobs from Redis, keeps routes healthy, scales sites."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from arq.connections import RedisSettings
from arq.worker import Worker, func
from redis.asyncio import Redis

from billing.aggregator import UsageAggregator
from billing.edge_limits import EdgeLimits
from billing.quotas import PlanQuotas
from billing.setup import build_billing
from billing.usage import StoreUsageMeter
from bots.server import BackgroundServer, HttpLimits, bind_socket
from bots.wiring import build_domains, build_hosting, instrument, open_store, redis_client
from core.errors import ConfigurationError
from core.observability.logging import configure_logging
from core.observability.redact import secret_values
from core.observability.tracing import setup_tracing
from core.periodic import run_every
from core.settings import Settings
from core.storage.store import Store
from hosting import scrape_sources
from hosting.analytics.rollup import AnalyticsRollup
from hosting.health import Readiness
from hosting.jobs import JobRunner
from hosting.metrics import PrometheusMetrics
from hosting.ops import ops_app
from hosting.queue_arq import TASK, run_publish_job

log = logging.getLogger("pagemagic.worker")


async def run_worker(settings: Settings) -> int:
    if settings.redis_url is None:
        raise ConfigurationError("the worker needs PAGEMAGIC_REDIS_URL: jobs are taken from Redis")
    configure_logging(secret_values(settings), settings.log_format, settings.log_level)
    setup_tracing(settings.otel_endpoint, "pagemagic-worker")
    store = await open_store(settings)
    redis = redis_client(settings)
    hosting = build_hosting(settings, settings.public_url or "http://127.0.0.1", redis)
    meter = StoreUsageMeter(store)
    quotas = PlanQuotas(store, meter, cap_cents=settings.billing_spending_cap_cents)
    billing = build_billing(settings, store, quotas, redis, settings.public_url or "http://127.0.0.1")
    runner = JobRunner(store, hosting, meter, plan_of=quotas.plan_of, lease_seconds=settings.job_lease_seconds)
    metrics = instrument(settings, store, redis, None, runner)
    worker = Worker(
        functions=[func(run_publish_job, name=TASK)],
        redis_settings=RedisSettings.from_dsn(settings.redis_url.get_secret_value()),
        ctx={"runner": runner},
        handle_signals=False,
        job_timeout=int(settings.deploy_timeout_seconds) + 120,
        keep_result=60,
        max_jobs=8,
    )
    background = [
        asyncio.create_task(run_every("job recovery", settings.job_recovery_seconds, runner.recover_once)),
        asyncio.create_task(meter.run_flusher(settings.usage_flush_seconds)),
    ]
    if billing.job is not None:
        # Usage (and grace periods) to Stripe, exactly once: see billing/outbox.py.
        background.append(
            asyncio.create_task(
                run_every("Stripe reports", settings.billing_job_seconds, billing.job.run_once, survive=(Exception,))
            )
        )
    if redis is not None:
        # The edge's counters become durable usage rows here, and its plan limits are (re)published.
        aggregator = UsageAggregator(redis, store, prefix=settings.edge_usage_prefix)
        await EdgeLimits(redis).publish()
        background.append(
            asyncio.create_task(
                run_every("usage aggregation", settings.usage_flush_seconds, aggregator.drain_once, survive=(Exception,))
            )
        )
        # The edge's analytics day keys become site_days rows (the dashboard and /stats read those).
        rollup = AnalyticsRollup(redis, store, prefix=settings.edge_usage_prefix)
        background.append(
            asyncio.create_task(
                run_every("analytics rollup", settings.usage_flush_seconds, rollup.run_once, survive=(Exception,))
            )
        )
    domains = build_domains(settings, store, redis, f"{settings.host}:{settings.port}")
    if domains is not None:
        # Pending DNS re-checked with backoff, failed orders retried, certificates renewed.
        background.append(asyncio.create_task(run_every("domain checks", settings.domain_check_seconds, domains.run_once)))
    if settings.hosting == "swarm" and redis is not None:
        from hosting.routes import RouteTable
        from hosting.swarm.autoscale import Autoscaler
        from hosting.swarm.backend import SwarmHosting
        from hosting.swarm.health import HealthMonitor

        assert isinstance(hosting, SwarmHosting)
        routes = RouteTable(redis)
        monitor = HealthMonitor(hosting.deployer, routes)
        scaler = Autoscaler(hosting, routes, aggregator)
        background.append(asyncio.create_task(run_every("health monitor", settings.health_check_seconds, monitor.check_once)))
        background.append(asyncio.create_task(run_every("autoscaler", settings.autoscale_seconds, scaler.check_once)))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    health = await _health_server(settings, store, redis, metrics)
    arq_task = asyncio.create_task(worker.async_run())
    print("worker ready", flush=True)
    await stop.wait()
    for task in background:
        task.cancel()
    await worker.close()
    arq_task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await arq_task
    for task in background:
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await billing.aclose()
    if redis is not None:
        await redis.aclose()
    if health is not None:
        await health.stop()
    await store.close()
    return 0


async def _health_server(
    settings: Settings, store: Store, redis: Redis | None, metrics: PrometheusMetrics
) -> BackgroundServer | None:
    """/healthz, /readyz and /metrics on ``PAGEMAGIC_WORKER_PORT`` (0: none), for probes and Prometheus."""
    if settings.worker_port == 0:
        return None
    readiness = Readiness(settings, store, redis)
    metrics.add_refresher("readiness", scrape_sources.readiness(readiness, metrics))
    server = BackgroundServer(
        ops_app(readiness, metrics),
        bind_socket(settings.worker_host, settings.worker_port, fall_back=False),
        HttpLimits.from_settings(settings),
    )
    await server.start()
    log.info("worker health and metrics on %s:%s", settings.worker_host, settings.worker_port)
    return server
