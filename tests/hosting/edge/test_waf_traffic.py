"""No false positives: everything Page Magic's own traffic looks like passes the edge with its WAF
blocking, byte for byte.

- The chat platforms' webhooks, as the chat tests send them: every message text and button the
  Telegram tests send (read from tests/bots/telegram), every slash command the Slack tests send
  (tests/bots/slack), the Slack events and button actions, every Stripe event type the billing tests
  deliver (tests/billing), each built by the same stand-in code the tests use, signed as the platform
  signs it, plus every description of the site corpus (bench/corpus) typed into each platform.
- The app's own pages a browser opens (previews, their live updates, the Slack install flow).
- A crawl of every generated corpus site, published on a plan with the WAF: every page and asset,
  fetched as a browser fetches them.
"""

from __future__ import annotations

import ast
import json
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import httpx

from bots.offline import generate_site
from core.site.schema import load_site_json
from hosting.edge.nginx import EdgeProcess
from pipeline import RenderOptions, render_site
from tests.bots.slack.conftest import SIGNING_SECRET, Slack
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import Recorder, unique
from tests.hosting.edge.test_waf import audit_records
from tests.standins.slack_api import SlackApiStandIn
from tests.standins.stripe_api import API_KEY, StripeApiStandIn
from tests.standins.telegram_api import ChatLog, TelegramStandIn

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "bench" / "corpus"
DESCRIPTIONS = [d["text"] for d in json.loads((CORPUS / "descriptions.json").read_text())]
APP = "localhost"  # the app's name behind the edge (a name that resolves here without DNS)
BROWSER = {
    "User-Agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
    "Accept-Language": "pt-PT,pt;q=0.9,en;q=0.8",
    "Accept-Encoding": "gzip, deflate, br",
    "Sec-Fetch-Mode": "navigate",
    "Sec-Fetch-Site": "none",
    "Upgrade-Insecure-Requests": "1",
}


def literals(folder: Path, method: str, index: int) -> list[str]:
    """Every string literal passed as argument ``index`` of ``.method(...)`` in the tests under ``folder``."""
    found: list[str] = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == method
                    and len(node.args) > index):
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append(arg.value)
    assert found, f"no .{method}() calls under {folder}"
    return sorted(set(found))


async def test_our_webhooks_and_pages_pass_the_waf_unchanged(keys: Keys, edge: Callable[..., EdgeProcess]) -> None:
    app = Recorder()
    proxy = edge(app_upstream=app.endpoint, app_hosts=(APP,))
    base = f"http://{APP}:{proxy.config.port}"
    long_text = " ".join(DESCRIPTIONS)[:4000]  # the longest message a chat accepts
    sent: list[tuple[str, bytes]] = []  # (path, body) of every POST, to compare with what arrived
    statuses: list[tuple[str, int]] = []

    # Telegram: every text and button press of the Telegram tests, each description, in each language
    telegram = TelegramStandIn()
    texts = [*literals(ROOT / "tests/bots/telegram", "send_text", 1), *DESCRIPTIONS, long_text]
    updates: list[dict[str, Any]] = []
    for i, text in enumerate(texts):
        updates.append(telegram.send_text(7000 + i, text, language_code=("pt-BR", "en", "es")[i % 3]))
    telegram.chats[7000] = ChatLog(messages={1: {"text": texts[0]}})  # the message the buttons are under
    for data in literals(ROOT / "tests/bots/telegram", "press", 2):
        updates.append(telegram.press(7000, 1, data))
    updates += [telegram.send_sticker(7001), telegram.send_voice(7002), telegram.send_document(7003)]
    # the updates are made first (with a webhook set, the stand-in would deliver each as it is made)
    secret = secrets.token_urlsafe(32)
    telegram.webhook = {"url": "https://pagemagic.example/telegram/webhook", "secret_token": secret}
    telegram.webhook_target = base
    for update in updates:
        statuses.append(("telegram", await telegram.deliver(update)))
        sent.append(("/telegram/webhook", json.dumps(update).encode()))

    # Slack: the tests' slash commands and each description as a command, a thread reply, a mention
    # and a DM; the publish button; with Slack's own signature
    slack_api = SlackApiStandIn()
    await slack_api.start()
    slack = Slack(cast(Any, SimpleNamespace(base_url=base)), slack_api, SIGNING_SECRET)
    await slack.http.aclose()
    slack.http = httpx.AsyncClient(timeout=10, headers={"User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)"})
    recorded = slack.post

    async def post(body: str, content_type: str, **kw: Any) -> httpx.Response:
        sent.append(("/slack/events", body.encode()))
        return await recorded(body, content_type, **kw)

    slack.post = post  # type: ignore[method-assign]
    commands = [*literals(ROOT / "tests/bots/slack", "command", 3), *(f"describe {d}" for d in DESCRIPTIONS)]
    for text in commands:
        response, _key = await slack.command("T0SINGLE0", "C1", "UALICE", text)
        statuses.append(("slack command", response.status_code))
    for i, text in enumerate([*DESCRIPTIONS, long_text]):
        kinds = [
            {"type": "message", "channel": "C1", "user": "UALICE", "ts": f"1.{i:06d}", "thread_ts": "1.000001",
             "text": text, "team": "T0SINGLE0"},
            {"type": "app_mention", "channel": "C1", "user": "UALICE", "ts": f"2.{i:06d}",
             "text": f"<@U0BOT> {text}", "team": "T0SINGLE0"},
            {"type": "message", "channel": "D0ALICE", "channel_type": "im", "user": "UALICE", "ts": f"3.{i:06d}",
             "text": text, "team": "T0SINGLE0"},
        ]
        for event in kinds:
            statuses.append(("slack event", (await slack.event("T0SINGLE0", "U0BOT", event)).status_code))
    for action in ("pagemagic_publish", "pagemagic_undo"):
        response, _key = await slack.action("T0SINGLE0", "C1", "UALICE", action, "1.000002", "1.000001")
        statuses.append(("slack action", response.status_code))
    await slack.close()

    # Stripe: a real checkout on the stand-in, then every event type the billing tests deliver
    stripe_api = StripeApiStandIn()
    await stripe_api.start()
    auth = {"Authorization": f"Bearer {API_KEY}"}
    async with httpx.AsyncClient(base_url=stripe_api.url, headers=auth) as stripe:
        customer = (await stripe.post("/v1/customers", data={"email": "ana@example.pt", "name": "Padaria Ana"})).json()
        session = (await stripe.post("/v1/checkout/sessions", data={
            "customer": customer["id"], "mode": "subscription", "client_reference_id": "42",
            "line_items[0][price]": "price_pagemagic_pro_monthly", "line_items[0][quantity]": "1",
            "success_url": "https://pagemagic.example/paid", "metadata[user_id]": "42"})).json()
    session, subscription = stripe_api.complete_checkout(session["id"])
    objects = {"checkout.session": session, "customer.subscription": subscription,
               "invoice": {"id": "in_1", "object": "invoice", "customer": customer["id"], "amount_due": 1900}}
    event_types = literals(ROOT / "tests/billing", "event", 0)
    for kind in event_types:
        obj = next(v for k, v in objects.items() if kind.startswith(k))
        event = stripe_api.event(kind, obj)
        response = await stripe_api.deliver(f"{base}/stripe/webhook", event)
        statuses.append((kind, response.status_code))
        sent.append(("/stripe/webhook", json.dumps(event).encode()))
    await stripe_api.stop()
    await slack_api.stop()

    # The app's pages a browser opens
    token = secrets.token_urlsafe(24)
    pages = [f"/p/{token}", f"/p/{token}/", f"/p/{token}/styles.css?v=3", f"/p/{token}/live.js",
             f"/p/{token}/events", f"/p/{token}/manifest.webmanifest", f"/p/{token}/favicon.svg",
             "/s/padaria-ana/", "/s/padaria-ana/sitemap.xml", "/healthz", "/readyz", "/slack/install",
             f"/slack/oauth_redirect?code=1111.2222.{secrets.token_hex(16)}&state={secrets.token_urlsafe(32)}"]
    async with httpx.AsyncClient(base_url=base, headers=BROWSER) as browser:
        for page in pages:
            cookie = {"Cookie": f"slack-app-oauth-state={secrets.token_urlsafe(32)}"} if "oauth" in page else {}
            statuses.append((page, (await browser.get(page, headers=cookie)).status_code))

    refused = [(what, status) for what, status in statuses if status != 200]
    assert not refused, refused[:10]
    arrived = [(path, body) for method, path, body in app.received if method == "POST"]
    assert sorted(arrived) == sorted(sent)  # every body reached the app, byte for byte
    assert len(statuses) > 300, len(statuses)
    assert not [r for r in audit_records(proxy) if r["response"]["http_code"] == 403]
    app.close()


class SiteFiles:
    """The published sites: ``Host`` picks the site's folder, files served as they are."""

    def __init__(self, folders: dict[str, Path]) -> None:
        self.hits = 0
        files = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                folder = folders.get(self.headers.get("Host", "").split(":")[0])
                path = self.path.split("?")[0].lstrip("/") or "index.html"
                target = (folder / path) if folder else None
                if target is None or not target.is_file():
                    self.send_error(404)
                    return
                files.hits += 1
                body = target.read_bytes()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.endpoint = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def links(page: str) -> Iterator[str]:
    """Same-site links and assets of a page, as a browser would follow and load them."""
    for match in re.finditer(r'(?:href|src)="([^"#]+)"', page):
        url = match.group(1)
        if not re.match(r"^(?:[a-z]+:|//)", url):
            yield "/" + url.lstrip("./")


async def test_a_crawl_of_every_corpus_site_passes_the_waf(
    tmp_path: Path, keys: Keys, edge: Callable[..., EdgeProcess]
) -> None:
    sites = [await generate_site(text) for text in DESCRIPTIONS]
    sites += [load_site_json(path.read_text()) for path in sorted((CORPUS / "specs").glob("*.json"))]
    folders: dict[str, Path] = {}
    expected: dict[tuple[str, str], bytes] = {}
    for index, site in enumerate(sites):
        host = f"{unique('site')}-{index}.pagemagic.test"
        bundle = render_site(site, RenderOptions(base_url=f"https://{host}/"))
        folder = tmp_path / host
        for name, content in bundle.files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(content)
            expected[(host, "/" + name)] = content
        folders[host] = folder
    files = SiteFiles(folders)
    plan = await keys.limits(unique("business"), waf=True)
    for host in folders:
        await keys.route(host.split(".")[0], [host], [files.endpoint], plan=plan)
    proxy = edge()

    fetched: dict[tuple[str, str], tuple[int, bytes]] = {}
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{proxy.config.port}", headers=BROWSER) as browser:
        for host in folders:
            queue, seen = ["/"], set()
            while queue:
                path = queue.pop()
                if path in seen:
                    continue
                seen.add(path)
                answer = await browser.get(path, headers={"Host": host, "Referer": f"https://{host}/"})
                fetched[(host, path)] = (answer.status_code, answer.content)
                if answer.headers.get("content-type", "").startswith("text/html") or path == "/":
                    queue += [link for link in links(answer.text) if link not in seen]
            for name in [n for h, n in expected if h == host]:  # robots, sitemap, manifest, service worker
                if name not in seen:
                    answer = await browser.get(name, headers={"Host": host})
                    fetched[(host, name)] = (answer.status_code, answer.content)

    refused = {key: status for key, (status, _body) in fetched.items() if status == 403}
    assert not refused, list(refused)[:10]
    for key, content in expected.items():
        assert fetched[key] == (200, content), key
    assert files.hits >= len(expected) > 300
    assert not [r for r in audit_records(proxy) if r["response"]["http_code"] == 403]
    files.close()
