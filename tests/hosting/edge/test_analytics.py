"""Site analytics from real traffic through the edge (nginx + Lua): requests, status classes, bytes,
page views, top pages, referrers and anonymous daily visitors, read back from ``site_days``."""

from __future__ import annotations

import asyncio
import http.client
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from redis.asyncio import Redis

from core.analytics import site_range
from core.events import StatsChart
from core.storage.records import ChatRef
from core.storage.site_days import SiteDayRow
from core.storage.store import Store, new_preview_token
from core.studio.stats_flow import StatsFlow
from hosting.analytics.keys import day_key, days_key, parse_day, salt_key
from hosting.analytics.rollup import AnalyticsRollup
from hosting.edge.nginx import EdgeProcess
from tests.core.scripted import sample_site
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import unique
from tests.hosting.edge.test_usage import counted
from tests.waiting import eventually

PAGES = {"/": b"<!doctype html><title>home</title><p>hi", "/about": b"<!doctype html><title>about</title>"}


class HtmlSite:
    """A published site: two HTML pages, a stylesheet, 404 for the rest."""

    def __init__(self) -> None:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                body, kind, status = PAGES.get(path, b""), "text/html; charset=utf-8", 200
                if path == "/style.css":
                    body, kind = b"body{}", "text/css"
                elif path not in PAGES:
                    body, status = b"not here", 404
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_HEAD = do_GET

            def log_message(self, *_args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = f"127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def html_site() -> Iterator[HtmlSite]:
    site = HtmlSite()
    yield site
    site.close()


def visit(port: int, host: str, path: str, agent: str, referer: str | None = None, method: str = "GET") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": host, "User-Agent": agent}
    if referer:
        headers["Referer"] = referer
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


async def published(store: Store, chat: ChatRef) -> int:
    conv = await store.conversation(chat)
    site = await store.create_site(conv.id, conv.user_id, sample_site(), "x", new_preview_token(), timedelta(hours=1))
    return site.id


async def test_traffic_through_the_edge_becomes_daily_figures(
    keys: Keys, edge: Callable[..., EdgeProcess], html_site: HtmlSite, store: Store, redis: Redis
) -> None:
    chat = ChatRef("terminal", unique("c"), "u1")
    site_id = await published(store, chat)
    slug, host = unique("padaria"), f"{unique('padaria')}.test"
    await keys.route(slug, [host], [html_site.endpoint], plan=unique("plan"), site_id=site_id)
    proxy = edge()
    prefix = keys.usage_prefix

    async def salted() -> bool:
        return bool([k async for k in redis.scan_iter(match=salt_key(prefix, "*"))])

    await eventually(salted, what="the day's salt made")
    await asyncio.sleep(0.3)  # one flush interval: the salt reaches the workers' shared dict

    port = proxy.config.port
    traffic = (
        [("/", "agent-a", "https://www.google.com/search?q=pao", "GET")] * 4
        + [("/about", "agent-b", "https://news.example.org/post/1", "GET")] * 3
        + [("/", "agent-c", f"http://{host}/about", "GET")] * 2  # the site's own pages: not a referrer
        + [("/style.css", "agent-d", None, "GET")] * 2  # not a page: no view, no visitor
        + [("/missing", "agent-e", None, "GET"), ("/", "agent-f", None, "HEAD")]
    )
    statuses = [await asyncio.to_thread(visit, port, host, *request) for request in traffic]
    assert statuses.count(404) == 1 and statuses.count(200) == 12

    async def all_in() -> list[str] | None:
        members = [m.decode() for m in await redis.smembers(days_key(prefix))]  # type: ignore[misc]
        if not members:
            return None
        total = 0
        for member in members:
            total += int(await redis.hget(day_key(prefix, slug, member.rsplit(":", 1)[1]), "requests") or 0)  # type: ignore[misc]
        return members if total >= len(traffic) else None

    members = await eventually(all_in, what="the traffic counted")
    days = sorted(d for d in (parse_day(m.rsplit(":", 1)[1]) for m in members) if d is not None)

    rollup = AnalyticsRollup(redis, store, prefix=prefix)
    assert await rollup.run_once() == len(days)
    assert await rollup.run_once() == len(days)  # a second run sets the same figures, adds nothing

    figures = await site_range(store, site_id, days[-1], 7)
    assert len(figures.days) == 7 and figures.days[-1].day == days[-1]
    assert figures.requests == len(traffic)
    assert dict(figures.classes) == {"2xx": 12, "4xx": 1}
    assert figures.views == 9
    assert figures.visitors == 3  # agents a, b, c, on the one address
    assert dict(figures.pages) == {"/": 6, "/about": 3}
    assert dict(figures.referrers) == {"www.google.com": 4, "news.example.org": 3}
    usage = await counted(redis, prefix, slug)  # billing's counters: the same bytes
    assert figures.bytes == usage["bytes"] > 0

    # the same figures in the chat's /stats, for the day the edge counted them
    conversation = await store.conversation(chat)
    flow = StatsFlow(store, clock=lambda: datetime.combine(days[-1], time(12), UTC))
    (chart,) = [e async for e in flow.stats(conversation, "", "en")]
    assert isinstance(chart, StatsChart) and chart.png.startswith(b"\x89PNG")
    if len(days) == 1:  # (a run across midnight splits the figures over two days)
        assert ", last 7 days: 3 visitors, 9 page views, 13 requests," in chart.text

    async with store.session() as session:
        row = await session.get(SiteDayRow, (site_id, days[-1]))
    assert row is not None
    stored = repr(vars(row))
    assert "127.0.0.1" not in stored and "agent-a" not in stored  # no address, no agent, no hash kept
