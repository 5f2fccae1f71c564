"""The one place that builds a Studio from settings, choosing each implementation."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from redis.asyncio import Redis
from starlette.routing import BaseRoute

from billing.plans import hosting_allowance
from billing.quotas import PlanQuotas
from billing.setup import BillingParts, build_billing
from billing.usage import StoreUsageMeter
from bots.server import BackgroundServer, HttpLimits, bind_socket, url_of
from core.accounts.attempts import MemoryAttempts
from core.accounts.images import StoredImages
from core.accounts.sealing import Sealer
from core.accounts.service import AccountService
from core.accounts.sessions import SessionPolicy
from core.errors import ConfigurationError
from core.images.local import LocalImageStore
from core.images.port import ImageStore
from core.llm.offline import OfflineGenerator
from core.llm.port import SiteGenerator
from core.periodic import run_every
from core.ports import HostingBackend
from core.private_files import private_dir
from core.sealing import token_box
from core.settings import Settings
from core.storage.database import create_engine, migrate
from core.storage.store import Store
from core.studio import Studio, StudioConfig
from core.studio.images import ImageSettings
from hosting import scrape_sources
from hosting.attempts import RedisAttempts
from hosting.domains.manager import DomainManager
from hosting.domains.setup import build_domain_manager, deny_list, domains_enabled
from hosting.health import Readiness
from hosting.jobs import InProcessQueue, JobRunner
from hosting.live import LiveDrafts
from hosting.local import LocalHosting
from hosting.metrics import PrometheusMetrics, edge_counters, job_counts
from hosting.ops import ops_app
from hosting.queue_arq import ArqQueue
from hosting.request_id import RequestIdMiddleware
from hosting.server import SiteServer
from pipeline.images import Limits
from web.app import web_routes
from web.context import Web, WebConfig
from web.mail import SmtpConfig, SmtpMail


@dataclass
class Runtime:
    """Everything a front door needs, started and ready."""

    settings: Settings
    store: Store
    studio: Studio
    base_url: str
    server: BackgroundServer
    meter: StoreUsageMeter
    billing: BillingParts | None = None
    ops_url: str = ""  # /metrics, /readyz and /healthz, never on the site port (hosting/ops.py)


def build_generator(settings: Settings) -> SiteGenerator:
    """The OpenAI-compatible client when an endpoint is configured, else the offline generator."""
    if settings.llm_base_url:
        from core.llm.remote import RemoteConfig, RemoteGenerator

        return RemoteGenerator(RemoteConfig.from_settings(settings))
    return OfflineGenerator(delay=settings.generator_delay)


RouteFactory = Callable[[Studio, Store], Sequence[BaseRoute]]


def redis_client(settings: Settings) -> Redis | None:
    if settings.redis_url is None:
        return None
    client: Redis = Redis.from_url(settings.redis_url.get_secret_value())
    return client


def build_hosting(
    settings: Settings, base_url: str, redis: Redis | None, images: ImageStore | None = None
) -> HostingBackend:
    """``local`` (files served by this app) or ``swarm`` (services through the Docker Engine API)."""
    if settings.hosting == "local":
        return LocalHosting(settings.releases_dir, base_url, keep=settings.releases_kept, images=images)
    if redis is None:
        raise ConfigurationError("swarm hosting needs PAGEMAGIC_REDIS_URL (the route table lives in Redis)")
    from hosting.routes import RouteTable
    from hosting.swarm.backend import PlanHosting, SwarmHosting
    from hosting.swarm.build import ImageSettings
    from hosting.swarm.deploy import ServiceSettings
    from hosting.swarm.engine import DockerEngine

    def plan_hosting(plan: str) -> PlanHosting:
        allowance = hosting_allowance(plan)
        return PlanHosting(allowance.replicas_min, allowance.replicas_max, allowance.cpu, allowance.memory_mb)

    return SwarmHosting(
        engine=DockerEngine(settings.docker_url),
        routes=RouteTable(redis),
        images=ImageSettings(settings.registry, settings.site_base_image, settings.site_root),
        service=ServiceSettings(
            port=settings.site_port,
            drain_seconds=settings.site_drain_seconds,
            converge_timeout=settings.deploy_timeout_seconds,
        ),
        base_domain=settings.base_domain,
        plan_hosting=plan_hosting,
        images_store=images,
    )


def instrument(
    settings: Settings, store: Store, redis: Redis | None, studio: Studio | None, runner: JobRunner
) -> PrometheusMetrics:
    """One Prometheus registry for this process, handed to everything that counts."""
    metrics = PrometheusMetrics()
    runner.metrics = metrics
    if studio is not None:
        studio.metrics = metrics
        if hasattr(studio.generator, "metrics"):
            studio.generator.metrics = metrics
    metrics.preset(runner.backend.name)
    metrics.add_refresher("database", job_counts(store, metrics))
    metrics.add_refresher("database", scrape_sources.job_age(store, metrics))
    metrics.add_refresher("database", scrape_sources.certificates(store, metrics))
    if redis is not None:
        metrics.add_refresher("redis", edge_counters(redis, settings.edge_usage_prefix, metrics))
        metrics.add_refresher("redis", scrape_sources.redis_memory(redis, metrics))
    return metrics


def build_domains(settings: Settings, store: Store, redis: Redis | None, local_endpoint: str) -> DomainManager | None:
    """DNS proof and ACME certificates when Redis and PAGEMAGIC_CERT_KEY are set; else None
    (domains then map by Host header only). Local hosting routes proven domains to this server."""
    if redis is None or not domains_enabled(settings):
        return None
    fallback = local_endpoint if settings.hosting == "local" else None
    return build_domain_manager(settings, store, redis, fallback)


def build_accounts(
    settings: Settings, store: Store, redis: Redis | None, billing: BillingParts, base_url: str,
    images: LocalImageStore | None = None,
) -> AccountService:
    """Accounts with the sealing key, the shared limiter (Redis when there is one) and billing's merge rules."""
    sealer = (
        Sealer.from_base64(settings.account_key.get_secret_value()) if settings.account_key else Sealer.from_home(settings.home)
    )
    return AccountService(
        store,
        sealer,
        attempts=RedisAttempts(redis) if redis is not None else MemoryAttempts(),
        billing=billing.account_billing,
        images=StoredImages(store, images) if images is not None else None,
        public_url=base_url,
        policy=SessionPolicy(idle=timedelta(minutes=settings.session_idle_minutes), absolute=timedelta(days=settings.session_days)),
    )


def build_mail(settings: Settings) -> SmtpMail | None:
    if not settings.smtp_host:
        return None
    return SmtpMail(SmtpConfig(
        host=settings.smtp_host, port=settings.smtp_port, username=settings.smtp_username,
        password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
        starttls=settings.smtp_starttls, sender=settings.smtp_from,
    ))


def web_config(settings: Settings, base_url: str) -> WebConfig:
    return WebConfig(
        public_url=base_url,
        telegram_token=settings.telegram_token.get_secret_value() if settings.telegram_token else None,
        slack_client_id=settings.slack_client_id,
        slack_client_secret=settings.slack_client_secret.get_secret_value() if settings.slack_client_secret else None,
        slack_api_base=settings.slack_api_base if settings.slack_api_base.endswith("/") else settings.slack_api_base + "/",
        slack_oauth_base=settings.slack_oauth_base.rstrip("/"),
        telegram_login_base=settings.telegram_login_base.rstrip("/"),
    )


async def open_store(settings: Settings) -> Store:
    private_dir(settings.home)  # the database and what the chats made: the owner's alone (0700)
    engine = create_engine(settings.sqlalchemy_url)
    await migrate(engine, lock_dir=settings.home, box=token_box(settings))
    return Store(engine)


@contextlib.asynccontextmanager
async def runtime(
    settings: Settings,
    *,
    explicit_port: bool = False,
    explicit_ops_port: bool | None = None,
    extra_routes: Sequence[RouteFactory] = (),
) -> AsyncIterator[Runtime]:
    """Open the database (migrating it), bind the server, start it; tear all down on exit.

    A port that was asked for is bound strictly; one left to its default falls back to a free
    one when busy. The two listeners are judged apart (``explicit_ops_port`` defaults to
    ``explicit_port``): a terminal chat given a site port must still start while another chat
    or ``serve`` holds the default ops port.

    ``extra_routes`` lets front doors that receive HTTP (a Telegram webhook, Slack
    events, Stripe webhooks) mount their endpoints on the same server.
    """
    store = await open_store(settings)
    redis = redis_client(settings)
    sock = bind_socket(settings.host, settings.port, fall_back=not explicit_port)
    strict_ops = explicit_port if explicit_ops_port is None else explicit_ops_port
    ops_sock = bind_socket(settings.ops_host, settings.ops_port, fall_back=not strict_ops)
    base_url = (settings.public_url or url_of(sock)).rstrip("/")
    drafts = LiveDrafts(base_url)
    images = LocalImageStore(settings.image_dir)
    files = LocalHosting(settings.releases_dir, base_url, keep=settings.releases_kept, images=images)
    hosting = build_hosting(settings, base_url, redis, images)
    domains = build_domains(settings, store, redis, urlsplit(url_of(sock)).netloc)
    meter = StoreUsageMeter(store)
    quotas = PlanQuotas(store, meter, cap_cents=settings.billing_spending_cap_cents)
    billing = build_billing(settings, store, quotas, redis, base_url)
    accounts = build_accounts(settings, store, redis, billing, base_url, images)
    mail = build_mail(settings)
    runner = JobRunner(store, hosting, meter, plan_of=quotas.plan_of, lease_seconds=settings.job_lease_seconds)
    # With Redis, `pagemagic worker` runs jobs; without it, this process does.
    queue: InProcessQueue | ArqQueue = (
        ArqQueue(settings.redis_url.get_secret_value()) if settings.redis_url else InProcessQueue(runner)
    )
    studio = Studio(
        store=store,
        generator=build_generator(settings),
        hosting=hosting,
        previews=drafts,
        meter=meter,
        quotas=quotas,
        queue=queue,
        config=StudioConfig(
            max_message_chars=settings.max_message_chars,
            preview_ttl=timedelta(hours=settings.preview_ttl_hours),
            default_plan=settings.plan,
            model=settings.llm_model if settings.llm_base_url else "offline",
            base_domain=settings.base_domain,
            domain_deny=deny_list(settings),
            domain_wait=timedelta(seconds=settings.domain_wait_seconds),
        ),
        billing=billing.billing,
        domains=domains,
        images=images,
        image_settings=ImageSettings(Limits(max_bytes=settings.image_max_bytes, max_pixels=settings.image_max_pixels)),
        accounts=accounts,
        mail=mail,
    )
    metrics = instrument(settings, store, redis, studio, runner)
    own_hosts = {"localhost", "127.0.0.1", urlsplit(base_url).hostname or ""}
    site_server = SiteServer(store, drafts, files, meter, own_hosts, images=images)
    app = site_server.app()
    app.state.web = Web(web_config(settings, base_url), studio, mail)
    app.router.routes.extend(web_routes())  # sign-in, the account page, the JSON API
    if billing.route is not None:
        app.router.routes.append(billing.route)  # /stripe/webhook
    for factory in extra_routes:
        app.router.routes.extend(factory(studio, store))
    # With a Redis queue the worker does every Docker call (publish, unpublish, scaling): this
    # process has no socket in the stack, and its readiness depends on Docker only if told where it is.
    in_process = isinstance(queue, InProcessQueue)
    readiness = Readiness(settings, store, redis, docker=None if in_process else settings.docker_url is not None)
    # /readyz and /metrics (with the readiness gauges it refreshes) live on the ops listener only.
    metrics.add_refresher("readiness", scrape_sources.readiness(readiness, metrics))
    app.add_middleware(RequestIdMiddleware)
    limits = HttpLimits.from_settings(settings)
    server = BackgroundServer(app, sock, limits)
    ops = BackgroundServer(ops_app(readiness, metrics), ops_sock, limits)
    await server.start()
    await ops.start()
    background = [asyncio.create_task(meter.run_flusher(settings.usage_flush_seconds))]
    if isinstance(queue, InProcessQueue):  # with Redis, `pagemagic worker` recovers jobs
        background.append(asyncio.create_task(run_every("job recovery", settings.job_recovery_seconds, runner.recover_once)))
    if billing.job is not None and redis is None:  # with Redis, the worker reports usage to Stripe
        background.append(
            asyncio.create_task(
                run_every("Stripe reports", settings.billing_job_seconds, billing.job.run_once, survive=(Exception,))
            )
        )
    try:
        yield Runtime(settings, store, studio, base_url, server, meter, billing, url_of(ops_sock))
    finally:
        for task in background[1:]:
            task.cancel()
        await asyncio.gather(*background[1:], return_exceptions=True)
        await billing.aclose()
        if isinstance(queue, InProcessQueue):
            await queue.drain()
        else:
            await queue.close()
        if domains is not None:
            await domains.close()
        if redis is not None:
            await redis.aclose()
        background[0].cancel()  # the usage flusher last: it flushes once more when cancelled
        with contextlib.suppress(asyncio.CancelledError):
            await background[0]
        await server.stop()
        await ops.stop()
        close_generator = getattr(studio.generator, "aclose", None)
        if close_generator is not None:
            await close_generator()
        await store.close()
