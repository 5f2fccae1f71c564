"""``nginx.conf`` for the edge, rendered from settings.

The template is ``lua/nginx.conf.tmpl``; everything the Lua code needs at run time
(Redis address, key prefixes, cache and flush times, headers, pages) is passed as
one JSON document to ``init_by_lua``, so Lua never reads the environment.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import os
import re
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from core.private_files import write_private
from core.settings import Settings
from hosting.edge import waf
from hosting.edge.pages import PAGE_CSP, REQUEST_ID_MARK, all_pages
from hosting.edge_keys import DEFAULT_PREFIX
from hosting.routes import PREFIX as ROUTE_PREFIX

LUA_DIR = Path(__file__).resolve().parents[2] / "lua"
TEMPLATE = LUA_DIR / "nginx.conf.tmpl"
MODULES_DIR = Path("/usr/lib/nginx/modules")

# A site that sends no policy of its own gets this one: same-origin everything, https images,
# inline styles (generated sites use them), no plugins, no framing.
DEFAULT_CSP = (
    "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HSTS = "max-age=31536000; includeSubDomains"
REFERRER_POLICY = "strict-origin-when-cross-origin"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


@dataclass(frozen=True)
class RedisAddress:
    host: str = "127.0.0.1"
    port: int = 6379
    db: int = 0
    password: str | None = None

    @classmethod
    def from_url(cls, url: str) -> RedisAddress:
        parts = urlsplit(url)
        if parts.scheme not in {"redis", ""}:
            raise ValueError(f"the edge speaks plain redis:// only, not {parts.scheme}://")
        db = parts.path.strip("/")
        return cls(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 6379,
            db=int(db) if db else 0,
            password=unquote(parts.password) if parts.password else None,
        )


@dataclass(frozen=True)
class EdgeConfig:
    """Everything ``nginx.conf`` is rendered from."""

    prefix: Path
    host: str = "127.0.0.1"
    port: int = 8480
    https_port: int | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    workers: int = 0
    redis: RedisAddress = field(default_factory=RedisAddress)
    redis_timeout_ms: int = 200
    route_prefix: str = ROUTE_PREFIX
    usage_prefix: str = DEFAULT_PREFIX
    cache_ttl: float = 2.0
    flush_interval: float = 1.0
    batch_max_keys: int = 5000
    endpoint_down_seconds: float = 10.0
    connect_timeout: str = "2s"
    # Slow and idle clients are dropped here, before anything behind the edge sees them.
    header_timeout: float = 10.0  # client_header_timeout: the request line and headers
    body_timeout: float = 30.0  # client_body_timeout: between two reads of a body
    keepalive_timeout: float = 5.0  # an idle kept-alive connection
    connections_per_client: int = 256  # limit_conn per client address (beyond: 503)
    usage_dict: str = "32m"
    insights_dict: str = "16m"  # analytics' own counters (lua/insights.lua): a full one never touches billing's
    limits_dict: str = "16m"
    access_log: bool = False
    log_level: str = "warn"
    instance: str = field(default_factory=lambda: f"{os.uname().nodename}-{secrets.token_hex(4)}")
    csp: str = DEFAULT_CSP
    cert_key: str | None = None  # base64 AES key of the custom-domain certificates (hosting/domains)
    resolver: str = ""  # DNS servers for nginx's own name lookups (the Redis host), "" when not needed
    waf: waf.WafMode = "block"  # ModSecurity + CRS: block, detect (log only) or off (hosting/edge/waf.py)
    waf_paranoia: int = 1
    waf_audit_log: Path | None = None  # JSON audit log of what the WAF matched (default PREFIX/logs/waf-audit.log)
    app_upstream: str = ""  # host:port of `pagemagic serve` behind the edge ("" : the edge serves sites only)
    app_hosts: tuple[str, ...] = ()  # names the app answers on (default: the host of PAGEMAGIC_PUBLIC_URL)
    telegram_webhook_path: str = "/telegram/webhook"
    # Tests only: the rate limiter reads "now" (epoch seconds) from this file (lua/clock.lua).
    limiter_clock: Path | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> EdgeConfig:
        redis = RedisAddress.from_url(
            settings.redis_url.get_secret_value() if settings.redis_url else "redis://127.0.0.1:6379/0"
        )
        app_hosts = _app_hosts(settings)
        app_host = app_hosts[0] if app_hosts and settings.edge_app_upstream else ""
        return cls(
            prefix=(settings.edge_dir or settings.home / "edge").resolve(),
            host=settings.edge_host,
            port=settings.edge_port,
            https_port=settings.edge_https_port,
            tls_cert=settings.edge_tls_cert,
            tls_key=settings.edge_tls_key,
            workers=settings.edge_workers,
            redis=redis,
            redis_timeout_ms=settings.edge_redis_timeout_ms,
            usage_prefix=settings.edge_usage_prefix,
            cache_ttl=settings.edge_cache_ttl,
            flush_interval=settings.edge_flush_interval,
            cert_key=_cert_key(settings),
            resolver=settings.edge_resolver
            or _resolver_for(redis.host)
            or _resolver_for(_upstream_host(settings.edge_app_upstream)),
            waf=settings.edge_waf,
            waf_paranoia=settings.edge_waf_paranoia,
            waf_audit_log=settings.edge_waf_audit_log,
            app_upstream=settings.edge_app_upstream,
            app_hosts=app_hosts if app_host else (),
            telegram_webhook_path=(
                urlsplit(settings.telegram_webhook_url).path or "/telegram/webhook"
                if settings.telegram_webhook_url
                else "/telegram/webhook"
            ),
            header_timeout=settings.http_header_timeout,
            body_timeout=settings.http_body_timeout,
            keepalive_timeout=float(settings.http_keepalive_timeout),
            connections_per_client=settings.edge_connections_per_client,
        )

    def with_changes(self, **changes: object) -> EdgeConfig:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def conf_path(self) -> Path:
        return self.prefix / "nginx.conf"

    @property
    def audit_log_path(self) -> Path:
        return self.waf_audit_log or self.prefix / "logs" / "waf-audit.log"

    @property
    def values_path(self) -> Path:
        """The JSON document Lua reads at start-up (may hold the Redis password: mode 0600)."""
        return self.prefix / "edge.json"

    def lua_values(self) -> dict[str, object]:
        """The JSON document ``init_by_lua`` hands to ``edge_config.set``."""
        return {
            "redis": {
                "host": self.redis.host,
                "port": self.redis.port,
                "db": self.redis.db,
                "password": self.redis.password or "",
                "timeout_ms": self.redis_timeout_ms,
                "pool_size": 64,
            },
            "route_prefix": self.route_prefix,
            "usage_prefix": self.usage_prefix,
            "cache_ttl": self.cache_ttl,
            "flush_interval": self.flush_interval,
            "batch_max_keys": self.batch_max_keys,
            "endpoint_down_seconds": self.endpoint_down_seconds,
            "limiter_clock": str(self.limiter_clock) if self.limiter_clock else "",
            "instance": self.instance,
            "default_language": "en",
            "headers": {
                "csp": self.csp,
                "page_csp": PAGE_CSP,
                "hsts": HSTS,
                "referrer_policy": REFERRER_POLICY,
                "permissions_policy": PERMISSIONS_POLICY,
            },
            "pages": all_pages(),
            "request_id_mark": REQUEST_ID_MARK,
            "waf": self.waf != "off",
            "cert_key": self.cert_key or "",
            "https_port": self.https_port if self.https_port and self.cert_key else None,
        }


def _cert_key(settings: Settings) -> str | None:
    """The certificate key in standard base64, as Lua decodes it (None: no custom-domain TLS)."""
    if settings.cert_key is None:
        return None
    from hosting.domains.certstore import parse_key

    return base64.b64encode(parse_key(settings.cert_key.get_secret_value())).decode()


def _app_hosts(settings: Settings) -> tuple[str, ...]:
    """The names the app answers on behind the edge: PAGEMAGIC_EDGE_APP_HOSTS, else the public URL's host."""
    if settings.edge_app_hosts.strip():
        return tuple(h.strip().lower() for h in settings.edge_app_hosts.split(",") if h.strip())
    host = urlsplit(settings.public_url).hostname if settings.public_url else None
    return (host.lower(),) if host else ()


def _upstream_host(upstream: str) -> str:
    return urlsplit(f"//{upstream}").hostname or "" if upstream else ""


def _load_modules(with_waf: bool = False) -> str:
    """``load_module`` lines for the Debian dynamic modules (NDK first, then Lua, then ModSecurity)."""
    lines = []
    for name in ("ndk_http_module.so", "ngx_http_lua_module.so"):
        path = MODULES_DIR / name
        if path.exists():
            lines.append(f"load_module {path};")
    if with_waf:
        lines.append(f"load_module {waf.MODULE};")
    return "\n".join(lines)


def _tls_block(config: EdgeConfig) -> str:
    if config.https_port is None:
        return ""
    if config.tls_cert is None or config.tls_key is None:
        raise ValueError("edge_https_port needs edge_tls_cert and edge_tls_key")
    return (
        f"        listen {config.host}:{config.https_port} ssl default_server;\n"
        f"        ssl_certificate {config.tls_cert.resolve()};\n"
        f"        ssl_certificate_key {config.tls_key.resolve()};\n"
        "        ssl_protocols TLSv1.2 TLSv1.3;\n"
        "        ssl_session_cache shared:pm_tls:10m;\n"
        + (
            # custom domains: their own certificate by SNI, read from Redis, no reload (lua/cert.lua)
            "        ssl_certificate_by_lua_block {\n"
            '            require("cert").serve()\n'
            "        }\n"
            if config.cert_key
            else ""
        )
    )


def quoted(value: str) -> str:
    """``value`` as an nginx string literal: quotes and backslashes escaped, and ``$`` (which nginx
    reads as a variable) sent through ``$pm_dollar``; a line break is refused, never written."""
    if any(c in value for c in "\r\n\0"):
        raise ValueError("a header value cannot hold a line break")
    body = value.replace("\\", "\\\\").replace('"', '\\"').replace("$", "${pm_dollar}")
    return f'"{body}"'


def _security_headers() -> str:
    """``add_header`` lines of the security headers, for each location that answers: native
    headers cost far less per request than setting them from Lua in a header filter."""
    fixed = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": REFERRER_POLICY,
             "Permissions-Policy": PERMISSIONS_POLICY}
    lines = [f"            add_header {name} {quoted(value)} always;" for name, value in fixed.items()]
    lines += ["            add_header Content-Security-Policy $pm_csp always;",
              "            add_header Strict-Transport-Security $pm_hsts always;"]
    # the edge's values replace a site's own, as they always have (its CSP excepted: see $pm_csp)
    lines += [f"            proxy_hide_header {name};" for name in (*fixed, "Strict-Transport-Security")]
    return "\n".join(lines)


def _site_proxy(config: EdgeConfig, target: str = "http://pm_sites") -> str:
    """The proxy lines of a published site's location (the WAF's location passes ``$request_uri``)."""
    return f"""            proxy_pass {target};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Request-Id $pm_request_id;
            add_header X-Request-Id $pm_request_id always;
{_security_headers()}
            add_header RateLimit-Policy $pm_rl_policy always;
            add_header RateLimit $pm_rl always;
            add_header RateLimit-Limit $pm_rl_limit always;
            add_header RateLimit-Remaining $pm_rl_remaining always;
            add_header RateLimit-Reset $pm_rl_reset always;
            proxy_hide_header RateLimit-Policy;
            proxy_hide_header RateLimit;
            proxy_hide_header RateLimit-Limit;
            proxy_hide_header RateLimit-Remaining;
            proxy_hide_header RateLimit-Reset;
            proxy_connect_timeout {config.connect_timeout};
            proxy_next_upstream error timeout;"""


def _modsecurity_rules(config: EdgeConfig, kind: waf.WafKind) -> str:
    """The server's rules (server level, so the WAF's location and our 403 page share one copy)."""
    if config.waf == "off":
        return ""
    return (
        f"        modsecurity_rules_file {config.prefix / f'waf-{kind}.conf'};\n"
        # the request id is the transaction's id: the audit log's unique_id is the id on our 403 page
        "        modsecurity_transaction_id $pm_request_id;"
    )


def _modsecurity_on() -> str:
    """ModSecurity on in a location; its 403s get our page."""
    return "            modsecurity on;\n            error_page 403 = @pm_blocked;"


def _blocked_location(metered: bool) -> str:
    """Our 403 page in the visitor's language with the request id (lua/pages.lua).

    ModSecurity-nginx 1.0.3 (Debian 12) loses its transaction on nginx's internal redirect to this
    page, and with it the audit record; with ModSecurity on here too it evaluates the request again
    (same rules, same verdict; the refusal is not repeated once nginx answers an error page) and
    writes the record, with our 403, in this location's log phase.
    """
    log = '            log_by_lua_block {\n                require("usage").log_blocked()\n            }\n' if metered else ""
    return f"""        location @pm_blocked {{
            modsecurity on;
            content_by_lua_block {{
                require("pages").blocked()
            }}
{log}            add_header X-Request-Id $pm_request_id always;
{_security_headers()}
        }}"""


def _waf_switch(config: EdgeConfig) -> str:
    """A site whose plan has the WAF moves to the WAF's location (`rewrite ... last` keeps the request's
    Lua context, so its route and rate-limit decision go with it)."""
    if config.waf == "off":
        return ""
    return "            if ($pm_waf) {\n                rewrite ^ /.pm-waf last;\n            }"


def _waf_locations(config: EdgeConfig) -> str:
    """The location of sites whose plan has the WAF: the site location's work, under ModSecurity."""
    if config.waf == "off":
        return ""
    return f"""
        # Published sites whose plan has the WAF (hosting/edge/waf.py); reached only from `location /`.
        location = /.pm-waf {{
            internal;
            set_by_lua_block $pm_waf_pass {{
                return require("edge").waf()
            }}
            if ($pm_lua) {{
                access_by_lua_block {{
                    require("edge").access()
                }}
            }}
            log_by_lua_block {{
                require("usage").log()
            }}
{_modsecurity_on()}
{_site_proxy(config, "http://pm_sites$request_uri")}
        }}
{_blocked_location(metered=True)}"""


def _app_tls(config: EdgeConfig, host: str) -> str:
    if config.https_port is None or config.tls_cert is None or config.tls_key is None:
        return ""
    return (
        f"        listen {host}:{config.https_port} ssl;\n"
        f"        ssl_certificate {config.tls_cert.resolve()};\n"
        f"        ssl_certificate_key {config.tls_key.resolve()};\n"
        "        ssl_protocols TLSv1.2 TLSv1.3;\n"
    )


def _app_server(config: EdgeConfig, host: str) -> str:
    """The app itself (previews, webhooks, sign-in, API) behind the edge, under the WAF unless it is off.

    An upstream given by IP address gets a keep-alive pool; a name (``app:8400`` in the stack) is
    resolved per request through ``resolver``, so nginx starts before the app and follows its replicas.
    """
    if not config.app_upstream:
        return ""
    if not config.app_hosts:
        raise ValueError("edge_app_upstream needs edge_app_hosts or public_url (the names the app answers on)")
    upstream_host = _upstream_host(config.app_upstream)
    if any(c in config.app_upstream for c in " ;{}\"'$") or not upstream_host:
        raise ValueError(f"not a host:port: {config.app_upstream!r}")
    if _is_ip(upstream_host):
        pool = f"    upstream pm_app {{\n        server {config.app_upstream};\n        keepalive 16;\n    }}\n"
        target = "http://pm_app"
    else:
        if not config.resolver:
            raise ValueError(f"the app upstream {upstream_host} is a name: nginx needs a resolver (edge_resolver)")
        pool = ""
        target = f"http://{config.app_upstream}$request_uri"
    names = " ".join(config.app_hosts)
    if any(c in names for c in ";{}\"'$\\"):
        raise ValueError(f"not host names: {names!r}")
    waf_lines = "" if config.waf == "off" else _modsecurity_on() + "\n"
    return f"""
{pool}    # The app behind the edge (PAGEMAGIC_EDGE_APP_UPSTREAM), on the names it answers on.
    server {{
        listen {host}:{config.port};
{_app_tls(config, host)}        server_name {names};
        client_max_body_size 12m;
        limit_conn pm_per_client {config.connections_per_client};
{_modsecurity_rules(config, "app")}

        location / {{
            set_by_lua_block $pm_new_id {{
                return require("request_id").next()
            }}
{waf_lines}            proxy_pass {target};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Request-Id $pm_request_id;
            add_header X-Request-Id $pm_request_id always;
            proxy_connect_timeout {config.connect_timeout};
            proxy_read_timeout 120s;
        }}
{_blocked_location(metered=False)}
    }}"""


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def _resolver_for(host: str, resolv_conf: Path = Path("/etc/resolv.conf")) -> str:
    """nginx resolves names itself (Lua sockets need a ``resolver``): the system's nameservers when
    the Redis host (or the app behind the edge) is a name, as ``redis`` is in the stack; nothing for
    an IP address."""
    if not host or _is_ip(host):
        return ""
    try:
        lines = resolv_conf.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    servers = [line.split()[1] for line in lines if line.startswith("nameserver") and len(line.split()) > 1]
    return " ".join(servers)


def _resolver_line(config: EdgeConfig) -> str:
    if not config.resolver:
        return ""
    servers = " ".join(f"[{s}]" if ":" in s and not s.startswith("[") else s for s in config.resolver.split())
    return f"resolver {servers} valid=30s;"


def _milliseconds(seconds: float) -> str:
    return f"{max(1, round(seconds * 1000))}ms"


def render(config: EdgeConfig) -> str:
    host = f"[{config.host}]" if ":" in config.host else config.host
    replacements = {
        "load_modules": _load_modules(with_waf=config.waf != "off"),
        "workers": str(config.workers) if config.workers > 0 else "auto",
        "prefix": str(config.prefix),
        "log_level": config.log_level,
        "access_log": f"{config.prefix}/logs/access.log" if config.access_log else "off",
        "lua_dir": str(LUA_DIR),
        "usage_dict": config.usage_dict,
        "insights_dict": config.insights_dict,
        "limits_dict": config.limits_dict,
        "config_path": str(config.values_path),
        "listen": f"{host}:{config.port}",
        "tls": _tls_block(config),
        "connect_timeout": config.connect_timeout,
        "security_headers": _security_headers(),
        "csp": quoted(config.csp)[1:-1],
        "page_csp": quoted(PAGE_CSP)[1:-1],
        "hsts": quoted(HSTS)[1:-1],
        "resolver": _resolver_line(config),
        "site_proxy": _site_proxy(config),
        "waf_switch": _waf_switch(config),
        "waf_locations": _waf_locations(config),
        "waf_rules": _modsecurity_rules(config, "sites"),
        "app_server": _app_server(config, host),
        "header_timeout": _milliseconds(config.header_timeout),
        "body_timeout": _milliseconds(config.body_timeout),
        "keepalive_timeout": _milliseconds(config.keepalive_timeout),
        "connections_per_client": str(config.connections_per_client),
    }

    def fill(match: re.Match[str]) -> str:
        return replacements[match.group(1)]

    return re.sub(r"\{\{(\w+)\}\}", fill, TEMPLATE.read_text(encoding="utf-8"))


def write(config: EdgeConfig) -> Path:
    """Render ``nginx.conf`` into the prefix folder (with its logs/ and tmp/) and return its path."""
    for sub in ("logs", "tmp"):
        (config.prefix / sub).mkdir(parents=True, exist_ok=True)
    values = json.dumps(config.lua_values(), separators=(",", ":"), ensure_ascii=False)
    write_private(config.values_path, values)  # the Redis password and the certificate key: 0600, always
    waf.write_rules(config.prefix, config.waf, config.waf_paranoia, config.audit_log_path, config.telegram_webhook_path)
    config.conf_path.write_text(render(config), encoding="utf-8")
    return config.conf_path
