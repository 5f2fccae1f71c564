"""The preview and site server over a real socket: previews, live updates, published sites, domains."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import html5lib
import httpx
import pytest

from billing.usage import StoreUsageMeter
from bots.server import BackgroundServer, bind_socket, url_of
from core.ports import PublishTarget
from core.storage.records import ChatRef, SiteRecord
from core.storage.store import Store, new_preview_token
from hosting.live import LiveDrafts
from hosting.local import LocalHosting
from hosting.server import SiteServer
from tests.core.scripted import sample_site
from tests.waiting import eventually

CHAT = ChatRef(platform="console", chat_id="t", user_id="u")


@dataclass
class Served:
    url: str
    store: Store
    drafts: LiveDrafts
    record: SiteRecord
    meter: StoreUsageMeter
    client: httpx.AsyncClient


async def _no_progress(state: str, detail: str) -> None:
    return None


@pytest.fixture
async def served(store: Store, tmp_path: Path) -> AsyncIterator[Served]:
    sock = bind_socket("127.0.0.1", 0, fall_back=False)
    url = url_of(sock)
    drafts = LiveDrafts(url)
    hosting = LocalHosting(tmp_path / "sites", url)
    meter = StoreUsageMeter(store)
    conv = await store.conversation(CHAT)
    site = sample_site()
    record = await store.create_site(conv.id, conv.user_id, site, "x", new_preview_token(), timedelta(hours=1))
    release = await hosting.publish(PublishTarget(record.id, record.slug, 1), site, _no_progress)
    await store.add_deployment(record.id, 1, "local", "live", release.url, release.release_id)
    await store.attach_domain(record.id, "padaria-exemplo.pt", "active")
    server = BackgroundServer(SiteServer(store, drafts, hosting, meter, {"127.0.0.1", "localhost"}).app(), sock)
    await server.start()
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        yield Served(url, store, drafts, record, meter, client)
    await server.stop()


def parse(html: str):  # type: ignore[no-untyped-def]
    return html5lib.parse(html, namespaceHTMLElements=False)


async def test_preview_page_has_the_live_script_and_strict_headers(served: Served) -> None:
    response = await served.client.get(f"/p/{served.record.preview_token}/")
    assert response.status_code == 200
    doc = parse(response.text)
    scripts = [s.get("src") for s in doc.iter("script") if s.get("src")]
    assert scripts == ["live.js"]
    assert doc.find(".//h1") is not None
    assert response.headers["cache-control"] == "no-store"
    assert "noindex" in response.headers["x-robots-tag"]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["referrer-policy"] == "no-referrer"
    css = await served.client.get(f"/p/{served.record.preview_token}/styles.css")
    assert css.headers["content-type"].startswith("text/css") and len(css.text) > 500
    js = await served.client.get(f"/p/{served.record.preview_token}/live.js")
    assert "EventSource" in js.text


async def test_unknown_and_expired_previews_get_friendly_pages(served: Served) -> None:
    assert (await served.client.get("/p/" + "A" * 32 + "/")).status_code == 404
    assert (await served.client.get("/p/short/")).status_code == 404
    conv = await served.store.conversation(CHAT)
    expired = await served.store.create_site(
        conv.id, conv.user_id, sample_site(), "x", new_preview_token(), timedelta(hours=-1)
    )
    response = await served.client.get(f"/p/{expired.preview_token}/")
    assert response.status_code == 410
    assert "expired" in response.text and "expirou" in response.text and "caducó" in response.text


async def test_live_updates_reach_an_open_preview(served: Served) -> None:
    token = served.record.preview_token
    site = sample_site().model_copy(update={"name": "Padaria Ao Vivo"})
    received: list[str] = []

    async def listen() -> None:
        async with served.client.stream("GET", f"/p/{token}/events") as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            async for line in response.aiter_lines():
                received.append(line)
                if line.startswith("event: stored"):
                    return

    listener = asyncio.create_task(listen())
    await eventually(lambda: received, what="the event stream to open")
    await served.drafts.draft_started(token, None)
    await served.drafts.draft_updated(token, site)
    page = await served.client.get(f"/p/{token}/")  # a page opened mid-stream shows the draft
    assert "Padaria Ao Vivo" in page.text
    await served.drafts.draft_finished(token)
    await asyncio.wait_for(listener, 5)
    data = [json.loads(line[6:]) for line in received if line.startswith("data: {\"body")]
    assert data and "Padaria Ao Vivo" in data[-1]["title"]
    assert "<h1" in data[-1]["body"] and "<script" not in data[-1]["body"]


async def test_published_site_has_security_and_cache_headers(served: Served) -> None:
    response = await served.client.get(f"/s/{served.record.slug}/")
    assert response.status_code == 200
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["cache-control"] == "no-cache"
    doc = parse(response.text)
    assert [s.get("src") for s in doc.iter("script") if s.get("src")] == ["pwa.js"]
    again = await served.client.get(f"/s/{served.record.slug}/", headers={"If-None-Match": headers["etag"]})
    assert again.status_code == 304
    for name, kind in [("sw.js", "javascript"), ("manifest.webmanifest", "manifest"), ("favicon.svg", "svg")]:
        asset = await served.client.get(f"/s/{served.record.slug}/{name}")
        assert asset.status_code == 200 and kind in asset.headers["content-type"]
    redirect = await served.client.get(f"/s/{served.record.slug}")
    assert redirect.status_code == 308


async def test_no_path_escapes_the_release(served: Served) -> None:
    for path in ["%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..%2f..%2fpagemagic.db", ".pagemagic-release.json", "nope.html"]:
        response = await served.client.get(f"/s/{served.record.slug}/{path}")
        assert response.status_code == 404, path
    assert (await served.client.get("/s/does-not-exist/")).status_code == 404


async def test_attached_domain_is_served_by_host_header(served: Served) -> None:
    response = await served.client.get("/", headers={"Host": "padaria-exemplo.pt"})
    assert response.status_code == 200
    assert "Padaria Estrela" in response.text
    unknown = await served.client.get("/", headers={"Host": "other.example.com"})
    assert unknown.status_code == 404


async def test_served_requests_and_bytes_are_metered(served: Served) -> None:
    for _ in range(3):
        await served.client.get(f"/s/{served.record.slug}/")
    await served.meter.flush()
    now = datetime.now(UTC)
    totals = await served.store.usage_totals(served.record.owner_id, now - timedelta(minutes=5), now)
    assert totals["requests"] == 3
    assert totals["bytes"] > 3 * 1000


async def test_a_nul_byte_or_control_character_in_a_path_is_404(served: Served) -> None:
    """Issue 14, item 6: ``/s/SLUG/%00`` raised ``ValueError: embedded null byte`` (a 500)."""
    slug, token = served.record.slug, served.record.preview_token
    for path in [f"/s/{slug}/%00", f"/s/{slug}/index.html%00", f"/s/{slug}/a%00b/c.css", f"/s/{slug}/%01%7f",
                 f"/p/{token}/%00", f"/p/{token}/styles.css%00"]:  # fmt: skip
        response = await served.client.get(path)
        assert response.status_code == 404, path
    for path in ["/%00", "/index.html%00", "/%00/index.html"]:
        response = await served.client.get(path, headers={"Host": "padaria-exemplo.pt"})
        assert response.status_code == 404, path


async def test_a_file_name_too_long_for_the_file_system_is_404(served: Served) -> None:
    """Found by tests/bots/test_serve_fuzz.py: ``/s/SLUG/aaa...`` (300 letters) raised ENAMETOOLONG (a 500)."""
    for path in [f"/s/{served.record.slug}/" + "a" * 300, f"/s/{served.record.slug}/" + "/".join(["b" * 250] * 20)]:
        assert (await served.client.get(path)).status_code == 404
    assert (await served.client.get("/" + "a" * 300, headers={"Host": "padaria-exemplo.pt"})).status_code == 404


async def test_a_host_with_a_trailing_dot_is_the_same_host(served: Served) -> None:
    """Issue 14, item 9: ``padaria-exemplo.pt.`` (the fully qualified form) got 404 here while the edge,
    whose ``$host`` drops the dot (tests/hosting/edge/test_routing.py), served the site."""
    plain = await served.client.get("/", headers={"Host": "padaria-exemplo.pt"})
    for host in ["padaria-exemplo.pt.", "PADARIA-exemplo.PT.", "padaria-exemplo.pt.:8400"]:
        dotted = await served.client.get("/", headers={"Host": host})
        assert (dotted.status_code, dotted.text) == (200, plain.text), host
    own = await served.client.get(f"/s/{served.record.slug}/", headers={"Host": "localhost."})
    assert own.status_code == 200 and "Padaria Estrela" in own.text
    for host in ["padaria-exemplo.pt..", ".", "..", "other.example.com."]:
        assert (await served.client.get("/", headers={"Host": host})).status_code == 404, host
