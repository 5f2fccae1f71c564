"""The edge's web application firewall: ModSecurity v3 with the OWASP Core Rule Set, from Debian.

nginx loads ``ngx_http_modsecurity_module`` (``libnginx-mod-http-modsecurity``) and reads one rules
file per kind of traffic, each rendered here beside ``nginx.conf``:

- ``waf-app.conf``: the app's own routes (previews, webhooks, sign-in, the API), always inspected
  unless the WAF is off; our signed webhooks are excluded from body inspection (below).
- ``waf-sites.conf``: published sites whose plan turns the WAF on (``edge.waf`` in
  ``billing/plans.toml``; on for Business).

Both are the CRS at a paranoia level (default 1) in anomaly-scoring mode, after the engine
settings of ``lua/waf/engine.conf`` and our own rules in ``lua/waf/pagemagic.conf``. In
``detect`` mode every rule still runs and still writes the audit log, but nothing is blocked:
operators watch what would be blocked before they turn blocking on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from core.errors import PageMagicError

WafMode = Literal["block", "detect", "off"]
WafKind = Literal["app", "sites"]

WAF_DIR = Path(__file__).resolve().parents[2] / "lua" / "waf"
MODULE = Path("/usr/lib/nginx/modules/ngx_http_modsecurity_module.so")
CRS_SETUP = Path("/etc/modsecurity/crs/crs-setup.conf")
CRS_RULES = Path("/usr/share/modsecurity-crs/rules")

# The paths the app serves its platforms' webhooks on (bots/slack/app.py, billing/stripe/webhooks.py;
# Telegram's comes from PAGEMAGIC_TELEGRAM_WEBHOOK_URL) and the header each platform signs with.
SLACK_EVENTS = ("/slack/events", "X-Slack-Signature")
STRIPE_WEBHOOK = ("/stripe/webhook", "Stripe-Signature")
TELEGRAM_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WafUnavailable(PageMagicError):
    """The WAF is asked for but ModSecurity or the Core Rule Set is not installed."""

    code = "edge_unavailable"


def missing_parts() -> list[str]:
    """The Debian packages the WAF needs and this machine lacks (empty: ready)."""
    missing = []
    if not MODULE.exists():
        missing.append("libnginx-mod-http-modsecurity")
    if not (CRS_SETUP.exists() and CRS_RULES.is_dir()):
        missing.append("modsecurity-crs")
    return missing


def exclusions(telegram_path: str) -> str:
    """Rules that keep our own traffic out of body inspection.

    Slack's form bodies, Telegram's updates and Stripe's events carry what users wrote (a bakery's
    description may well say ``<script>`` or ``; DROP TABLE``), so the CRS would score them as
    attacks. Each body is signed by the platform and the app checks that signature before it reads
    a byte of it, so its inspection adds nothing. The exclusion holds only on that exact path and
    only when the platform's signature header is present; the request line, query string and headers
    are still inspected.
    """
    endpoints = [SLACK_EVENTS, (telegram_path, TELEGRAM_HEADER), STRIPE_WEBHOOK]
    lines = []
    for number, (path, header) in enumerate(endpoints, start=10001):
        if not path.startswith("/") or any(c in path for c in " \"'\\\r\n"):
            raise ValueError(f"not a webhook path: {path!r}")
        lines += [
            f'SecRule REQUEST_FILENAME "@streq {path}" "id:{number},phase:1,pass,nolog,t:none,chain"',
            f'    SecRule &REQUEST_HEADERS:{header} "@eq 1" "t:none,ctl:requestBodyAccess=Off"',
        ]
    return "\n".join(lines)


def rules(kind: WafKind, mode: WafMode, paranoia: int, audit_log: Path, tmp_dir: Path, telegram_path: str) -> str:
    """The rules file nginx's ``modsecurity_rules_file`` reads for ``kind`` of traffic."""
    if mode == "off":
        raise ValueError("no rules file when the WAF is off")
    if not 1 <= paranoia <= 4:
        raise ValueError("the paranoia level is 1 to 4")
    engine = "On" if mode == "block" else "DetectionOnly"
    parts = [
        f"# Rendered by hosting/edge/waf.py ({kind}): render again rather than edit.",
        f"Include {WAF_DIR / 'engine.conf'}",
        f"SecRuleEngine {engine}",
        f"SecAuditLog {audit_log}",
        f"SecTmpDir {tmp_dir}",
        f"SecDataDir {tmp_dir}",
        f"Include {CRS_SETUP}",
        # the CRS reads its paranoia level from this rule's id (crs-setup.conf leaves it commented out)
        f'SecAction "id:900000,phase:1,nolog,pass,t:none,setvar:tx.paranoia_level={paranoia}"',
        f"Include {WAF_DIR / 'pagemagic.conf'}",
    ]
    if kind == "app":
        parts.append(exclusions(telegram_path))
    parts.append(f"Include {CRS_RULES}/*.conf")
    return "\n".join(parts) + "\n"


def write_rules(prefix: Path, mode: WafMode, paranoia: int, audit_log: Path, telegram_path: str) -> dict[WafKind, Path]:
    """Write both rules files into ``prefix`` and return their paths."""
    if mode == "off":
        return {}
    missing = missing_parts()
    if missing:
        raise WafUnavailable(
            f"the edge's WAF needs {' and '.join(missing)} (apt-get install them, or set PAGEMAGIC_EDGE_WAF=off)"
        )
    written: dict[WafKind, Path] = {}
    kinds: tuple[WafKind, ...] = ("app", "sites")
    for kind in kinds:
        path = prefix / f"waf-{kind}.conf"
        path.write_text(rules(kind, mode, paranoia, audit_log, prefix / "tmp", telegram_path), encoding="utf-8")
        written[kind] = path
    return written
