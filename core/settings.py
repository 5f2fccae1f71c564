"""Settings: read once at start-up from ``PAGEMAGIC_*`` variables, frozen, passed down.

Every default is the embedded one, so ``pagemagic chat`` needs no setup:
SQLite under ``.pagemagic/``, the offline generator, local hosting and a
preview server on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from core.secret_files import FileVariables


class Settings(BaseSettings):
    """All of Page Magic's settings; docs/settings.md lists each with its meaning."""

    model_config = SettingsConfigDict(env_prefix="PAGEMAGIC_", frozen=True, extra="ignore")

    home: Path = Field(default=Path(".pagemagic"), description="Folder for the SQLite database and published releases.")
    database_url: SecretStr | None = Field(
        default=None,
        description="SQLAlchemy URL; postgresql+asyncpg://... for PostgreSQL. Default: SQLite under home.",
    )
    host: str = Field(default="127.0.0.1", description="Address the preview and site server binds to.")
    port: Annotated[int, Field(ge=0, le=65535)] = Field(
        default=8400, description="Port of the preview and site server (0 picks a free one)."
    )
    public_url: str | None = Field(
        default=None, description="Base URL users reach the server at; default http://HOST:PORT."
    )
    ops_host: str = Field(
        default="127.0.0.1", description="Address of the private listener with /metrics, /readyz and /healthz."
    )
    ops_port: Annotated[int, Field(ge=0, le=65535)] = Field(
        default=8402,
        description="Port of that listener (0 picks a free one); /metrics and /readyz are never on the site port.",
    )
    http_header_timeout: Annotated[float, Field(gt=0, le=600)] = Field(
        default=10.0, description="Seconds a request's line and headers may take to arrive; then the connection closes."
    )
    http_body_timeout: Annotated[float, Field(gt=0, le=600)] = Field(
        default=30.0, description="Seconds a request body may take to arrive in full after its headers; then the connection closes."
    )
    http_keepalive_timeout: Annotated[int, Field(ge=1, le=3600)] = Field(
        default=5, description="Seconds a kept-alive connection may idle between requests."
    )
    http_max_connections: Annotated[int, Field(ge=1, le=1_000_000)] = Field(
        default=1000, description="Open connections (and requests in progress) before new requests get 503."
    )
    http_max_header_bytes: Annotated[int, Field(ge=1024, le=1_048_576)] = Field(
        default=16384,
        description="Most bytes of a request line and headers held while they are still incomplete; beyond, 400.",
    )
    hosting: Literal["local", "swarm"] = Field(
        default="local", description="Hosting backend for /publish: files served here, or Docker Swarm services."
    )
    redis_url: SecretStr | None = Field(
        default=None,
        description="Redis (redis://host:6379/0): job queue for `pagemagic worker`, route table, edge counters.",
    )
    docker_url: str | None = Field(default=None, description="Docker Engine API address; default: DOCKER_HOST or the local socket.")
    registry: str = Field(default="127.0.0.1:5000", description="Registry site images are pushed to.")
    site_base_image: str = Field(default="nginx:alpine", description="Base image of published sites.")
    site_root: str = Field(default="/usr/share/nginx/html", description="Folder the base image serves files from.")
    site_port: Annotated[int, Field(ge=1, le=65535)] = Field(default=80, description="Port the base image listens on.")
    base_domain: str = Field(
        default="pagemagic.localhost", description="Published sites answer at SLUG.BASE_DOMAIN through the edge."
    )
    deploy_timeout_seconds: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=120.0, description="Longest wait for a Swarm deploy to converge before it is reported failed."
    )
    site_drain_seconds: Annotated[float, Field(ge=0, le=300)] = Field(
        default=3.0, description="A replaced task keeps serving this long while the route table moves off it."
    )
    health_check_seconds: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=10.0, description="How often the worker probes site endpoints and updates the route table."
    )
    autoscale_seconds: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=30.0, description="How often the worker reconsiders each site's replica count."
    )
    generator: Literal["offline"] = Field(default="offline", description="Site generator.")
    generator_delay: Annotated[float, Field(ge=0, le=10)] = Field(
        default=0.0, description="Seconds the offline generator waits per section, to mimic a model."
    )
    preview_ttl_hours: Annotated[float, Field(gt=0, le=24 * 365)] = Field(
        default=72.0, description="How long a preview link stays valid after the last change."
    )
    max_message_chars: Annotated[int, Field(ge=100, le=100_000)] = Field(
        default=4000, description="Longest chat message accepted."
    )
    images_dir: Path | None = Field(
        default=None, description="Where processed images are kept (content-addressed); default HOME/images."
    )
    image_max_bytes: Annotated[int, Field(ge=1024, le=200 * 1024 * 1024)] = Field(
        default=20 * 1024 * 1024, description="Largest image file accepted from a chat (Telegram's own limit is 20 MB)."
    )
    image_max_pixels: Annotated[int, Field(ge=1_000_000, le=200_000_000)] = Field(
        default=50_000_000, description="Most pixels an image may decode to; larger ones (decompression bombs) are refused."
    )
    releases_kept: Annotated[int, Field(ge=2, le=100)] = Field(
        default=5, description="Published releases kept per site for rollback."
    )
    usage_flush_seconds: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=5.0, description="How often request and byte counters of served sites are stored."
    )
    plan: Literal["free", "pro", "business"] = Field(default="free", description="Plan of new accounts.")
    job_recovery_seconds: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=5.0, description="How often unclaimed or abandoned publish jobs are picked up again."
    )
    job_lease_seconds: Annotated[float, Field(ge=1, le=3600)] = Field(
        default=30.0, description="A worker's hold on a running job; a dead worker's job is taken over after it."
    )
    publish_wait_seconds: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=300.0, description="How long a chat follows a publish before saying it continues in the background."
    )
    llm_base_url: str | None = Field(
        default=None,
        description="OpenAI-compatible endpoint (vLLM or OpenAI), e.g. http://vllm:8000/v1; "
        "when set it replaces the offline generator.",
    )
    llm_api_key: SecretStr | None = Field(default=None, description="API key for the endpoint (never logged).")
    llm_model: str = Field(default="gpt-4o-mini", description="Model name sent with every request.")
    llm_flavor: Literal["openai", "vllm"] = Field(
        default="openai", description="vllm also sends vLLM's guided-decoding parameters."
    )
    llm_timeout: Annotated[float, Field(gt=0, le=600)] = Field(
        default=60.0, description="Seconds without a byte from the model before giving up."
    )
    llm_connect_timeout: Annotated[float, Field(gt=0, le=120)] = Field(
        default=10.0, description="Seconds to connect to the model endpoint."
    )
    llm_retries: Annotated[int, Field(ge=0, le=10)] = Field(
        default=3, description="Retries of a request refused with 429, 5xx or a connection error."
    )
    llm_backoff: Annotated[float, Field(ge=0, le=60)] = Field(
        default=0.5, description="Seconds before the first retry; doubles each time (Retry-After wins)."
    )
    llm_max_retry_after: Annotated[float, Field(ge=0, le=600)] = Field(
        default=30.0, description="A longer Retry-After fails at once with a 'busy' message."
    )
    llm_concurrency: Annotated[int, Field(ge=1, le=1000)] = Field(
        default=4, description="Model requests in flight at once per process."
    )
    llm_context_tokens: Annotated[int, Field(ge=1024, le=2_000_000)] = Field(
        default=32768, description="Context window of the model; older turns are trimmed to fit."
    )
    llm_max_output_tokens: Annotated[int, Field(ge=256, le=200_000)] = Field(
        default=8192, description="Most tokens one answer may have."
    )
    llm_max_repairs: Annotated[int, Field(ge=0, le=10)] = Field(
        default=2, description="Repair requests per invalid section before it is reported as not generated."
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None, description="Slack app signing secret; with a bot token or OAuth client it enables Slack."
    )
    slack_bot_token: SecretStr | None = Field(
        default=None, description="Bot token (xoxb-...) for single-workspace mode; unset means OAuth install."
    )
    slack_client_id: str | None = Field(default=None, description="Slack OAuth client id (multi-workspace install).")
    slack_client_secret: SecretStr | None = Field(default=None, description="Slack OAuth client secret.")
    token_key: SecretStr | None = Field(
        default=None,
        description="32 bytes in base64 (openssl rand -base64 32): encrypts the bot tokens of Slack workspace "
        "installs in the database; needed with PAGEMAGIC_SLACK_CLIENT_ID. Only the app holds it (not the edge).",
    )
    token_key_previous: SecretStr | None = Field(
        default=None,
        description="Earlier PAGEMAGIC_TOKEN_KEY values (comma-separated) during a rotation: what they sealed "
        "still opens, and is sealed again under the new key when next read.",
    )
    slack_api_base: str = Field(
        default="https://slack.com/api/", description="Slack Web API base URL (a test stand-in in tests)."
    )
    slack_command: str = Field(default="/pagemagic", pattern=r"^/[a-z0-9_-]{1,31}$", description="Slash command name.")
    slack_publish_admins_only: bool = Field(
        default=False, description="Only workspace admins and owners may publish and attach domains from Slack."
    )
    slack_streaming: bool = Field(
        default=True, description="Stream with chat.startStream/appendStream; off: chat.postMessage + chat.update."
    )
    slack_update_interval: Annotated[float, Field(ge=0.05, le=10)] = Field(
        default=1.0, description="Least seconds between two updates of a streaming Slack message."
    )
    telegram_token: SecretStr | None = Field(
        default=None, description="Telegram bot token from @BotFather; when set, `pagemagic serve` runs the bot."
    )
    telegram_driver: Literal["aiogram", "ptb"] = Field(
        default="aiogram", description="Telegram library: aiogram 3 (default) or python-telegram-bot 22."
    )
    telegram_webhook_url: str | None = Field(
        default=None, description="Public HTTPS URL Telegram posts updates to; unset means long polling."
    )
    telegram_webhook_secret: SecretStr | None = Field(
        default=None,
        description="Value of X-Telegram-Bot-Api-Secret-Token the webhook requires; default: random per start.",
    )
    telegram_api_base: str = Field(
        default="https://api.telegram.org",
        description="Bot API server (a self-hosted telegram-bot-api, or a test stand-in).",
    )

    edge_host: str = Field(default="127.0.0.1", description="Address the nginx edge listens on.")
    edge_port: Annotated[int, Field(ge=1, le=65535)] = Field(default=8480, description="HTTP port of the edge.")
    edge_https_port: Annotated[int, Field(ge=1, le=65535)] | None = Field(
        default=None, description="HTTPS port of the edge; needs edge_tls_cert and edge_tls_key (adds HSTS)."
    )
    edge_tls_cert: Path | None = Field(default=None, description="PEM certificate (chain) the edge serves on TLS.")
    edge_tls_key: Path | None = Field(default=None, description="PEM private key of edge_tls_cert.")
    edge_workers: Annotated[int, Field(ge=0, le=256)] = Field(
        default=0, description="nginx worker processes of the edge (0: one per CPU core)."
    )
    edge_cache_ttl: Annotated[float, Field(gt=0, le=300)] = Field(
        default=2.0, description="Seconds the edge caches a Host -> site route and its plan limits."
    )
    edge_flush_interval: Annotated[float, Field(ge=0.05, le=60)] = Field(
        default=1.0, description="Seconds between the edge's batched writes of usage counters to Redis."
    )
    edge_usage_prefix: str = Field(
        default="pm:usage:", pattern=r"^[A-Za-z0-9:_.-]{1,64}$", description="Redis key prefix of edge usage counters."
    )
    edge_redis_timeout_ms: Annotated[int, Field(ge=10, le=10_000)] = Field(
        default=200, description="Milliseconds the edge waits for Redis before treating it as down."
    )
    edge_dir: Path | None = Field(
        default=None, description="Folder for the rendered nginx.conf, logs and temp files (default HOME/edge)."
    )
    edge_connections_per_client: Annotated[int, Field(ge=1, le=100_000)] = Field(
        default=256, description="Connections the edge keeps open per client address at once (beyond: 503)."
    )
    edge_resolver: str = Field(
        default="",
        description="DNS servers nginx resolves the Redis host name with (space-separated); default: the "
        "nameservers of /etc/resolv.conf when that host is a name (Docker's 127.0.0.11 in a stack).",
    )
    edge_waf: Literal["block", "detect", "off"] = Field(
        default="block",
        description="The edge's WAF (ModSecurity + OWASP CRS): block attacks, detect (log them, block nothing), "
        "or off. It guards the app's own routes, and published sites whose plan has it.",
    )
    edge_waf_paranoia: Annotated[int, Field(ge=1, le=4)] = Field(
        default=1, description="OWASP CRS paranoia level of the edge's WAF (1: fewest false positives)."
    )
    edge_waf_audit_log: Path | None = Field(
        default=None,
        description="Where the WAF writes its JSON audit log, one object a line (default "
        "EDGE_DIR/logs/waf-audit.log, beside the edge's error log).",
    )
    edge_app_upstream: str = Field(
        default="",
        description="host:port of `pagemagic serve` for the edge to proxy the app's own routes to (app:8400 in "
        "the stack); empty: the edge serves published sites only.",
    )
    edge_app_hosts: str = Field(
        default="",
        description="Host names (comma-separated) the edge sends to the app; default: the host of PAGEMAGIC_PUBLIC_URL.",
    )

    acme_directory: str = Field(
        default="https://acme-v02.api.letsencrypt.org/directory",
        description="ACME directory custom-domain certificates are ordered from (pebble in tests).",
    )
    acme_ca_bundle: Path | None = Field(
        default=None, description="CA bundle that verifies the ACME directory's TLS (default: the system's)."
    )
    acme_email: str | None = Field(default=None, description="Contact address of the ACME account (optional).")
    dns_resolver: str | None = Field(
        default=None, description="IP address of the resolver domain checks ask (default: the system's)."
    )
    dns_resolver_port: Annotated[int, Field(ge=1, le=65535)] = Field(
        default=53, description="Port of PAGEMAGIC_DNS_RESOLVER."
    )
    cert_key: SecretStr | None = Field(
        default=None,
        description="32 bytes in base64 (openssl rand -base64 32): encrypts certificate keys at rest; "
        "with Redis it turns on custom domains over HTTPS.",
    )
    domain_deny: str = Field(
        default="", description="Comma-separated names (and everything under them) no user may attach."
    )
    edge_ipv4: str = Field(default="", description="Public IPv4 addresses of the edge (comma-separated): A records for apex domains.")
    edge_ipv6: str = Field(default="", description="Public IPv6 addresses of the edge (comma-separated): AAAA records.")
    domain_check_seconds: Annotated[float, Field(gt=0, le=86400)] = Field(
        default=60.0, description="How often the worker looks for domains to check, retry or renew."
    )
    domain_claim_hours: Annotated[float, Field(gt=0, le=24 * 365)] = Field(
        default=72.0,
        description="How long a /domain claim may wait for its DNS proof; unproven after that, it expires. "
        "Until one site proves a name, several may claim it: the first proof wins.",
    )
    domain_wait_seconds: Annotated[float, Field(ge=0, le=600)] = Field(
        default=60.0, description="How long /domain check follows a certificate order before answering."
    )
    cert_renew_days: Annotated[float, Field(gt=0, le=80)] = Field(
        default=30.0, description="Certificates are renewed this many days before they expire."
    )

    backup_key: SecretStr | None = Field(
        default=None,
        description="32 bytes in base64 (openssl rand -base64 32): encrypts backups (AES-256-GCM); a restore "
        "needs the same key. Without it `pagemagic backup` refuses to run.",
    )
    backup_dir: Path | None = Field(
        default=None, description="Folder backups are written to and read from (default HOME/backups)."
    )
    backup_keep: Annotated[int, Field(ge=1, le=10_000)] = Field(
        default=14, description="Backups kept in backup_dir; older ones are deleted after each new backup."
    )
    backup_interval_hours: Annotated[float, Field(gt=0, le=24 * 31)] = Field(
        default=24.0, description="How often `pagemagic backup --schedule` (the stack's backup service) backs up."
    )

    log_format: Literal["json", "console"] = Field(
        default="json", description="Logs of `pagemagic serve` and `worker`: one JSON object a line, or readable text."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="Least level logged.")
    otel_endpoint: str | None = Field(
        default=None, description="OTLP/HTTP endpoint for OpenTelemetry traces; unset (the default) means no tracing."
    )
    worker_host: str = Field(default="0.0.0.0", description="Address the worker's health and metrics server binds to.")
    worker_port: Annotated[int, Field(ge=0, le=65535)] = Field(
        default=8401, description="Port of the worker's /healthz, /readyz and /metrics (0 turns the server off)."
    )
    readyz_timeout: Annotated[float, Field(gt=0, le=30)] = Field(
        default=2.0, description="Seconds each /readyz check may take before the dependency is reported down."
    )

    stripe_api_key: SecretStr | None = Field(
        default=None, description="Stripe secret key (sk_...); when set, /upgrade sells plans and usage is metered."
    )
    stripe_webhook_secret: SecretStr | None = Field(
        default=None, description="Signing secret (whsec_...) of the /stripe/webhook endpoint; needed with the key."
    )
    stripe_api_base: str = Field(default="https://api.stripe.com", description="Stripe API base (a stand-in in tests).")
    stripe_meter_events_base: str = Field(
        default="https://meter-events.stripe.com", description="Base of Stripe's v2 meter event stream."
    )
    stripe_meter_streams: bool = Field(
        default=False, description="Report usage through v2 meter event streams (batches) instead of v1 meter events."
    )
    billing_plans_file: Path | None = Field(
        default=None, description="Plans file (TOML) to use instead of billing/plans.toml."
    )
    billing_grace_days: Annotated[float, Field(ge=0, le=60)] = Field(
        default=7.0, description="Days a paid plan stays after a failed payment before the account goes back to Free."
    )
    billing_spending_cap_cents: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Most overage (in cents) an account may run up per month; unset means no cap."
    )
    billing_job_seconds: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=10.0, description="How often usage is reported to Stripe and grace periods are checked."
    )

    account_key: SecretStr | None = Field(
        default=None,
        description="32 bytes in base64 (openssl rand -base64 32): seals two-factor secrets at rest; every replica "
        "needs the same one. Default: a key made once under home.",
    )
    session_idle_minutes: Annotated[float, Field(gt=0, le=60 * 24 * 30)] = Field(
        default=720.0, description="A web session ends after this long without a request."
    )
    session_days: Annotated[float, Field(gt=0, le=90)] = Field(
        default=7.0, description="A web session ends this long after sign-in, however active."
    )
    smtp_host: str | None = Field(default=None, description="SMTP server for sign-in and address-check mails; unset: no mail.")
    smtp_port: Annotated[int, Field(ge=1, le=65535)] = Field(default=587, description="Port of the SMTP server.")
    smtp_username: str | None = Field(default=None, description="SMTP user name, if the server wants one.")
    smtp_password: SecretStr | None = Field(default=None, description="SMTP password (never logged).")
    smtp_starttls: bool = Field(default=True, description="Upgrade the SMTP connection with STARTTLS.")
    smtp_from: str = Field(default="Page Magic <no-reply@localhost>", description="From address of the mails.")
    slack_oauth_base: str = Field(
        default="https://slack.com", description="Where Sign in with Slack sends the browser (a stand-in in tests)."
    )
    telegram_login_base: str = Field(
        default="https://oauth.telegram.org", description="Telegram's login page for the web sign-in (Login Widget)."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # PAGEMAGIC_<NAME>_FILE (Docker secrets) after the plain variables, which win.
        return (init_settings, env_settings, FileVariables(settings_cls), dotenv_settings, file_secret_settings)

    @field_validator("home")
    @classmethod
    def _absolute_home(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return f"sqlite+aiosqlite:///{self.home / 'pagemagic.db'}"

    @property
    def releases_dir(self) -> Path:
        return self.home / "sites"

    @property
    def backups_dir(self) -> Path:
        return (self.backup_dir or self.home / "backups").expanduser().resolve()

    @property
    def image_dir(self) -> Path:
        return self.images_dir or self.home / "images"
