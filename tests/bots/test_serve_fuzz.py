"""Fuzzing the HTTP surface of ``pagemagic serve``: generated malformed requests to every endpoint.

One real ``pagemagic serve`` (tests/bots/serving.py: Slack, Telegram webhook, Stripe webhook,
a published site with a custom domain, the ops listener) gets requests Hypothesis builds byte
by byte -- odd methods, percent-encoded and control characters in paths, strange and trailing-dot
hosts, garbage or missing headers, bodies that are binary, deeply nested, not UTF-8, too big,
JSON of any shape, and sometimes correctly signed (Slack, Stripe) or with the right Telegram
secret, so what lies behind each signature check is reached too. No answer may be a 5xx, the
server's memory may not grow past a bound, and it must not log a traceback.

The profile (tests/conftest.py) is derandomized and deadline-free: CI runs the same examples
every time. ``EXAMPLES`` bounds the run: 300 requests, about 30 s after a start-up of 10-20 s on a
loaded 2-core machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bots.serving import DOMAIN, SLACK_SECRET, TELEGRAM_PATH, TELEGRAM_SECRET, Serve, running_serve
from tests.standins.stripe_api import WEBHOOK_SECRET as STRIPE_SECRET

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXAMPLES = 300
MEMORY_BOUND_KIB = 64 * 1024  # RSS over the baseline taken after one request to each endpoint
ANSWER_TIMEOUT = 60.0  # only a server that never answers gets near it


@dataclass
class Target:
    serve: Serve
    baseline_kib: int
    statuses: dict[str, int]  # "site /slack 401" -> how many answers


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def target(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Target]:
    extra = {"PAGEMAGIC_HTTP_BODY_TIMEOUT": "2", "PAGEMAGIC_HTTP_HEADER_TIMEOUT": "5"}
    async with running_serve(tmp_path_factory.mktemp("fuzz"), **extra) as served:
        warm_up = [(served.port, p) for p in _paths(served)] + [(served.ops_port, p) for p in OPS_PATHS]
        for port, path in warm_up:
            await send(port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        yield Target(served, served.memory_kib("VmRSS"), {})


OPS_PATHS = ["/metrics", "/readyz", "/healthz"]
EXACT = {*OPS_PATHS, "/slack/events", TELEGRAM_PATH, "/stripe/webhook", "/nowhere"}


def _paths(served: Serve) -> list[str]:
    slug, token = served.site.slug, served.site.token
    return ["/", "/healthz", "/metrics", "/readyz", f"/p/{token}/", f"/p/{token}/styles.css", f"/p/{token}/live.js",
            f"/p/{token}", f"/s/{slug}/", f"/s/{slug}/styles.css", f"/s/{slug}", "/slack/events", TELEGRAM_PATH,
            "/stripe/webhook", "/s/", "/p/", "/nowhere",
            # the web front door (issue 18): sign-in, the account page, the JSON API
            "/auth/sign-in", "/auth/link", "/auth/telegram/webapp", "/auth/telegram/widget", "/auth/telegram/return",
            "/auth/slack/callback", "/auth/email", "/auth/email/verify", "/auth/2fa", "/auth/me", "/app/", "/account",
            "/account/2fa/confirm", "/account/tokens", "/account/delete", "/api/v1/sites", "/api/v1/sites/1/publish",
            "/api/v1/usage", "/api/v1/openapi.json", "/web/static/pm.css"]  # fmt: skip


async def send(port: int, request: bytes) -> int | None:
    """Write the request, read the status line; None when the server closes without one."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        async with asyncio.timeout(ANSWER_TIMEOUT):
            line = await reader.readline()
    except (ConnectionError, asyncio.IncompleteReadError):
        return None
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()
    if not line.startswith(b"HTTP/1.1 "):
        return None
    return int(line.split(b" ", 2)[1])


# -- what a request is made of ------------------------------------------------------------------

any_text = st.text(st.characters(exclude_categories=()), max_size=40)  # every code point, surrogates too
segment = st.one_of(
    st.sampled_from(["", "index.html", "styles.css", "live.js", "events", "sw.js", "manifest.webmanifest", "..",
                     ".", "%2e%2e", "%00", "%ff", "%c3%28", "%2f", ".pagemagic-release.json", "a" * 300]),
    any_text.map(lambda s: quote(s.encode("utf-8", "surrogatepass"), safe="")),
    st.text(st.characters(codec="ascii", exclude_categories=["Cc"], exclude_characters=" "), max_size=20),  # raw
)
# Header values h11 accepts (no control characters), and now and then ones it must refuse: most
# requests get past the protocol layer to the endpoints, some test the layer itself.
header_text = st.text(st.characters(codec="latin-1", exclude_categories=["Cc"]), max_size=60)
garbage = st.text(st.characters(codec="latin-1", exclude_characters="\r\n"), max_size=30)


@st.composite
def mostly(draw: st.DrawFn, valid: st.SearchStrategy[str]) -> str:
    """``valid`` nine times in ten, else garbage (the index is compared with a middle value: Hypothesis
    draws the ends of a range more often than the rest)."""
    return draw(garbage) if draw(st.integers(0, 9)) == 4 else draw(valid)


hosts = mostly(
    st.sampled_from(["127.0.0.1", "localhost", DOMAIN, DOMAIN + ".", DOMAIN.upper(), DOMAIN + "..", ".",
                     "[::1]", "127.0.0.1:1", "x" * 300, "padaria-exemplo.pt:99999", "localhost.", "other.example."])
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | any_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4),
    max_leaves=20,
)


BODY_KINDS = ["empty", "binary", "json", "nested", "form", "slack", "telegram", "stripe", "big"]


@st.composite
def bodies(draw: st.DrawFn, likely: str) -> bytes:
    """A body, most often of the kind the endpoint expects (``likely``), else of any kind."""
    kind = likely if draw(st.integers(0, 4)) != 2 else draw(st.sampled_from(BODY_KINDS))
    if kind == "empty":
        return b""
    if kind == "binary":
        return draw(st.binary(max_size=2048))
    if kind == "nested":
        depth = draw(st.integers(1, 200_000))
        return (draw(st.sampled_from(["[", '{"a":'])) * depth).encode()
    if kind == "form":
        fields = draw(st.dictionaries(any_text, any_text, max_size=4))
        return urlencode({k.encode("utf-8", "surrogatepass"): v.encode("utf-8", "surrogatepass")
                          for k, v in fields.items()}).encode()  # fmt: skip
    if kind == "slack":
        payload = draw(json_values)
        if draw(st.booleans()):
            return urlencode({"payload": json.dumps(payload)}).encode()
        if draw(st.booleans()):
            return urlencode({"command": "/pagemagic", "text": draw(any_text).encode("utf-8", "surrogatepass"),
                              "team_id": "T0SERVE", "channel_id": draw(any_text).encode("utf-8", "surrogatepass"),
                              "user_id": "U1"}).encode()  # fmt: skip
        kind_of = draw(st.sampled_from(["event_callback", "url_verification", "block_actions", "x"]))
        return json.dumps({"type": kind_of, "event": payload, "team_id": "T0SERVE", "challenge": payload}).encode()
    if kind == "telegram":
        field = draw(st.sampled_from(["message", "callback_query", "edited_message", "x"]))
        return json.dumps({"update_id": draw(st.integers()), field: draw(json_values)}).encode()
    if kind == "stripe":
        kinds = ["checkout.session.completed", "customer.subscription.created", "customer.subscription.updated",
                 "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed", "customer.deleted", "x"]
        data = draw(st.one_of(st.fixed_dictionaries({"object": json_values}), json_values))
        return json.dumps({"id": draw(json_values), "type": draw(st.sampled_from(kinds)), "data": data}).encode()
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    return b"a" * draw(st.sampled_from([64 * 1024 + 1, 1024 * 1024 + 1]))  # over a limit


AREAS = ["webhook", "site", "preview", "domain", "webhook", "health", "ops", "webhook"]
METHODS = ["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]
OWN_HOSTS = ["127.0.0.1", "localhost", "localhost."]


@st.composite
def requests(draw: st.DrawFn, served: Serve) -> tuple[int, str, bytes]:
    """(port, the endpoint aimed at, the request's bytes): aimed at one area of the server, mostly
    well-framed, with the details malformed."""
    area = draw(st.sampled_from(AREAS))
    port, likely, method = served.port, "empty", "GET"
    if area == "webhook":
        base = draw(st.sampled_from(["/slack/events", TELEGRAM_PATH, "/stripe/webhook"]))
        likely = {"/slack/events": "slack", TELEGRAM_PATH: "telegram"}.get(base, "stripe")
        method = "POST"
    elif area == "site":
        base = f"/s/{served.site.slug}/"
    elif area == "preview":
        base = f"/p/{served.site.token}/"
    elif area == "domain":
        base = "/"
    elif area == "health":
        base = draw(st.sampled_from(["/healthz", "/metrics", "/readyz", "/nowhere", "/s/", "/p/"]))
    else:
        port, base = served.ops_port, draw(st.sampled_from(OPS_PATHS))
    at_endpoint = base in EXACT and draw(st.integers(0, 9)) != 4  # endpoints, mostly at their own path
    path = base if at_endpoint else base + "/".join(draw(st.lists(segment, max_size=3)))
    if draw(st.integers(0, 9)) == 4:
        path += draw(st.text(st.characters(codec="ascii", exclude_characters=" \r\n"), min_size=1, max_size=3))
    if draw(st.booleans()):
        path += "?" + draw(st.text(st.characters(codec="ascii", exclude_categories=["Cc"], exclude_characters=" #"),
                                   max_size=30))
    if draw(st.integers(0, 4)) == 2:
        method = draw(mostly(st.sampled_from(METHODS)))
    body = draw(bodies(likely))
    headers: list[tuple[str, str]] = []
    if draw(st.integers(0, 9)) != 4:
        own = st.sampled_from([DOMAIN, DOMAIN + ".", DOMAIN.upper()]) if area == "domain" else st.sampled_from(OWN_HOSTS)
        headers.append(("Host", draw(own) if draw(st.integers(0, 4)) != 2 else draw(hosts)))
    headers.append(("Content-Type", draw(mostly(st.sampled_from(
        ["application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data", "",
         "application/json; charset=latin-1"])))))  # fmt: skip
    stamp = str(int(time.time()))  # the signatures' time: now, mostly (so that signing gets past the check)
    if draw(st.integers(0, 4)) == 2:
        stamp = draw(st.one_of(st.sampled_from(["abc", "9" * 400, "-1", "", "1e9", " 1"]), st.integers().map(str)))
    signs = draw(st.integers(0, 4)) != 2  # the webhook aimed at gets a right signature, mostly
    if (signs and base == "/slack/events") or draw(st.integers(0, 4)) == 2:  # signed as Slack signs
        digest = hmac.new(SLACK_SECRET.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
        headers += [("X-Slack-Request-Timestamp", stamp), ("X-Slack-Signature", "v0=" + digest)]
    else:
        headers += [("X-Slack-Request-Timestamp", stamp), ("X-Slack-Signature", draw(mostly(header_text)))]
    if (signs and base == "/stripe/webhook") or draw(st.integers(0, 4)) == 2:
        digest = hmac.new(STRIPE_SECRET.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
        headers.append(("Stripe-Signature", f"t={stamp},v1={digest}"))
    secret = TELEGRAM_SECRET if signs and base == TELEGRAM_PATH else draw(st.sampled_from([TELEGRAM_SECRET, "", "no"]))
    headers.append(("X-Telegram-Bot-Api-Secret-Token", secret))
    for name in draw(st.lists(st.sampled_from(["X-Request-Id", "If-None-Match", "Accept-Language", "Range",
                                               "Cookie", "X-Slack-Retry-Reason", "Expect"]), max_size=3)):  # fmt: skip
        headers.append((name, draw(mostly(header_text))))
    framing = draw(st.sampled_from(["length", "length", "chunked", "none", "short"]))
    if framing == "length":
        headers.append(("Content-Length", str(len(body))))
    elif framing == "short":
        headers.append(("Content-Length", str(len(body) // 2)))
    elif framing == "chunked":
        headers.append(("Transfer-Encoding", "chunked"))
        body = (b"%x\r\n" % len(body) + body + b"\r\n" if body else b"") + b"0\r\n\r\n"
    headers.append(("Connection", "close"))
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return port, base, head.encode("utf-8", "surrogatepass") + body


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                        HealthCheck.data_too_large])  # fmt: skip
@given(data=st.data())
async def test_no_request_gets_a_server_error_or_grows_memory(target: Target, data: st.DataObject) -> None:
    port, base, request = data.draw(requests(target.serve), label="request")
    logged = len(target.serve.logs())
    status = await send(port, request)
    key = f"{'ops' if port == target.serve.ops_port else 'site'} /{base.split('/')[1]} {status}"
    target.statuses[key] = target.statuses.get(key, 0) + 1
    assert status is None or status < 500, request[:300]
    assert target.serve.memory_kib("VmRSS") - target.baseline_kib < MEMORY_BOUND_KIB
    assert "Traceback" not in target.serve.logs()[logged:]  # (work a request started may log later: see below)


async def test_after_the_fuzzing_the_server_is_whole(target: Target) -> None:
    assert await send(target.serve.port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") == 200
    assert "Traceback" not in target.serve.logs(), target.serve.logs()[-5000:]
    print(f"fuzzing answers by port, path and status: {dict(sorted(target.statuses.items()))}; "
          f"RSS {target.baseline_kib // 1024} -> {target.serve.memory_kib('VmRSS') // 1024} MiB")
