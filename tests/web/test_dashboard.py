"""The dashboard and the visual editor over real HTTP against the server ``pagemagic serve`` runs: the sites
list, creating a site (streamed), edits on the page stored as versions the chat's ``/history`` shows,
undo/redo, the conflict rule with the chat, what the schema refuses, script that cannot get in, photos,
duplicate/delete, and every route refusing another account's site (404) and a change without CSRF."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from core.storage.records import ChatRef
from core.studio.site_admin import SiteAdmin
from tests.photos import camera_jpeg
from tests.web.conftest import Served
from tests.web.signing import Browser, init_data
from web.app import web_routes

ANA_ID, BRUNO_ID = 7101, 7102


async def signed_in(served: Served, user_id: int, name: str = "Ana") -> Browser:
    browser = Browser(served.http)
    data = init_data(served.telegram.token, user_id, int(time.time()), name=name)
    answer = await browser.sign_in("/app/", "/auth/telegram/webapp", data)
    assert answer.status_code == 200 and answer.json()["next"] == "/app/"
    page = await browser.get("/app/")  # the page's CSRF secret
    assert page.status_code == 200
    return browser


async def create_site(browser: Browser, description: str = "Uma padaria artesanal em Lisboa, com menu e contacto") -> int:
    answer = await browser.post("/app/sites", json_body={"description": description})
    lines = [json.loads(line) for line in answer.text.splitlines() if line.strip()]
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/x-ndjson")
    assert len([line for line in lines if "section" in line]) >= 3  # streamed section by section
    done = lines[-1]
    assert done["done"] and done["editor"] == f"/app/sites/{done['site']}/edit"
    return int(done["site"])


async def edit(browser: Browser, site: int, **body: Any) -> Any:
    return await browser.post(f"/app/sites/{site}/edits", json_body=body)


async def test_sites_list_create_edit_in_place_undo_redo_and_history(serve: Any) -> None:
    async with serve() as served:
        ana = await signed_in(served, ANA_ID)
        empty = await ana.get("/app/")
        assert 'id="no-sites"' in empty.text and 'href="/app/billing"' in empty.text and 'href="/app/account"' in empty.text
        site = await create_site(ana)
        listing = await ana.get("/app/")
        assert f'id="site-{site}"' in listing.text and "Draft" in listing.text and f"/app/sites/{site}/analytics" in listing.text
        canvas = await ana.get(f"/app/sites/{site}/canvas/")
        assert canvas.status_code == 200 and 'data-pm-section="0"' in canvas.text and 'data-pm-path="heading"' in canvas.text
        assert "unsafe-inline" not in canvas.headers["content-security-policy"]
        studio = served.rt.studio
        record = await studio.store.site(site)
        assert record.current_version == 1

        answer = await edit(ana, site, op="text", section=0, path="heading", value="Pão quente  todas as manhãs", version=1)
        assert answer.status_code == 200 and answer.json()["version"] == 2
        stored = await studio.store.version(site, 2)
        assert stored.site.sections[0].heading == "Pão quente todas as manhãs"  # type: ignore[union-attr]
        assert "heading" in stored.instruction
        # the chat's /history lists the edit made on the page
        conversation = await SiteAdmin(studio.store, studio.hosting, studio.config.preview_ttl).conversation(record.owner_id, site)
        history = [e async for e in studio.history(conversation, "en")]
        assert "On the page: hero: heading" in history[0].text and len(history[0].entries) == 2  # type: ignore[attr-defined]

        moved = await edit(ana, site, op="move_section", **{"from": 1, "to": 2}, version=2)
        assert moved.status_code == 200 and moved.json() == {"version": 3, "reload": True}
        before = (await studio.store.version(site, 2)).site.sections
        after = (await studio.store.version(site, 3)).site.sections
        assert after[2] == before[1] and after[1] == before[2]

        undone = await ana.post(f"/app/sites/{site}/undo", json_body={"version": 3})
        assert undone.json()["version"] == 2 and (await studio.store.site(site)).current_version == 2
        redone = await ana.post(f"/app/sites/{site}/redo", json_body={"version": 2})
        assert redone.json()["version"] == 3

        versions = await ana.get(f"/app/sites/{site}/versions")
        assert "On the page" in versions.text and "/versions/1/compare" in versions.text
        compared = await ana.get(f"/app/sites/{site}/versions/1/compare")
        assert compared.status_code == 200 and 'id="diff-summary"' in compared.text


async def test_a_stale_page_is_refused_as_the_chat_is_and_nothing_is_overwritten(serve: Any) -> None:
    async with serve() as served:
        ana = await signed_in(served, ANA_ID)
        site = await create_site(ana)
        await edit(ana, site, op="text", section=0, path="heading", value="Primeira", version=1)
        stale = await edit(ana, site, op="text", section=0, path="heading", value="Segunda", version=1)
        assert stale.status_code == 409 and stale.json()["version"] == 2 and "Nothing was lost" in stale.json()["error"]
        assert (await served.rt.studio.store.site(site)).current_version == 2
        assert (await served.rt.studio.store.version(site, 2)).site.sections[0].heading == "Primeira"  # type: ignore[union-attr]


async def test_what_the_schema_refuses_is_not_stored_and_markup_stays_text(serve: Any) -> None:
    async with serve() as served:
        ana = await signed_in(served, ANA_ID)
        site = await create_site(ana)
        too_long = await edit(ana, site, op="text", section=0, path="heading", value="x" * 500, version=1)
        assert too_long.status_code == 400 and too_long.json()["error"]
        bad_path = await edit(ana, site, op="text", section=0, path="primary_action.href", value="javascript:alert(1)", version=1)
        assert bad_path.status_code == 400
        assert (await served.rt.studio.store.site(site)).current_version == 1
        script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        ok = await edit(ana, site, op="text", section=0, path="heading", value=script, version=1)
        assert ok.status_code == 200
        canvas = (await ana.get(f"/app/sites/{site}/canvas/")).text
        assert "<script>alert" not in canvas and "<img src=x" not in canvas and "&lt;script&gt;" in canvas


async def test_a_price_a_list_order_a_section_from_the_palette_and_the_theme(serve: Any) -> None:
    async with serve() as served:
        ana = await signed_in(served, ANA_ID)
        site = await create_site(ana)
        store = served.rt.studio.store
        current = (await store.version(site, 1)).site
        menu = next(i for i, s in enumerate(current.sections) if s.kind == "menu")
        priced = await edit(ana, site, op="text", section=menu, path="categories.0.items.0.price", value="4,75 €", version=1)
        assert priced.status_code == 200
        stored = (await store.version(site, 2)).site.sections[menu]
        assert stored.categories[0].items[0].price == 4.75  # type: ignore[union-attr]
        first, second = stored.categories[0].items[:2]  # type: ignore[union-attr]
        reordered = await edit(ana, site, op="move_item", section=menu, list="categories.0.items", version=2, **{"from": 0, "to": 1})
        assert reordered.status_code == 200
        items = (await store.version(site, 3)).site.sections[menu].categories[0].items  # type: ignore[union-attr]
        assert items[0] == second and items[1] == first
        added = await edit(ana, site, op="add_section", kind="faq", version=3)
        assert added.status_code == 200 and any(s.kind == "faq" for s in (await store.version(site, 4)).site.sections)
        themed = await edit(ana, site, op="theme", preset="elegant", fonts="mono", version=4)
        assert themed.status_code == 200 and (await store.version(site, 5)).site.theme.fonts == "mono"
        removed = await edit(ana, site, op="remove_section", section=menu, version=5)
        assert removed.status_code == 200 and len((await store.version(site, 6)).site.sections) == len(current.sections)


async def test_a_photo_from_the_phone_goes_through_the_chat_photo_processing(serve: Any) -> None:
    async with serve() as served:
        ana = await signed_in(served, ANA_ID)
        site = await create_site(ana)
        jpeg = camera_jpeg((1600, 1200))
        answer = await ana.http.post(
            f"/app/sites/{site}/image?version=1&section=0", content=jpeg,
            headers=ana._headers({"X-CSRF-Token": ana.csrf, "Content-Type": "image/jpeg"}))
        assert answer.status_code == 200 and answer.json()["version"] == 2
        stored = (await served.rt.studio.store.version(site, 2)).site
        cover = stored.sections[0].image  # type: ignore[union-attr]
        assert cover and stored.image(cover) is not None
        canvas = (await ana.get(f"/app/sites/{site}/canvas/")).text
        src = re.search(r'<img src="(img/[^"]+)"[^>]*data-pm-image="' + cover, canvas)
        assert src is not None
        image = await ana.get(f"/app/sites/{site}/canvas/{src.group(1)}")
        assert image.status_code == 200 and b"Exif" not in image.content[:200]  # re-encoded, metadata gone
        # the second photo replaces the first where it is shown
        again = await ana.http.post(
            f"/app/sites/{site}/image?version=2&section=0&hash={cover}", content=camera_jpeg((1600, 1200), seed=9),
            headers=ana._headers({"X-CSRF-Token": ana.csrf, "Content-Type": "image/jpeg"}))
        assert again.status_code == 200
        assert (await served.rt.studio.store.version(site, 3)).site.sections[0].image not in (None, cover)  # type: ignore[union-attr]
        refused = await ana.http.post(
            f"/app/sites/{site}/image?version=3&section=0", content=b"not an image",
            headers=ana._headers({"X-CSRF-Token": ana.csrf, "Content-Type": "image/jpeg"}))
        assert refused.status_code == 400 and (await served.rt.studio.store.site(site)).current_version == 3


async def test_duplicate_and_delete_a_draft(serve: Any) -> None:
    async with serve() as served:
        ana = await signed_in(served, ANA_ID)
        site = await create_site(ana)
        duplicated = await ana.post(f"/app/sites/{site}/duplicate", form={})
        assert duplicated.status_code == 303
        listing = (await ana.get("/app/")).text
        copies = [int(n) for n in re.findall(r'id="site-(\d+)"', listing)]
        assert len(copies) == 2 and "(copy)" in listing
        copy = max(copies)
        deleted = await ana.post(f"/app/sites/{copy}/delete", form={})
        assert deleted.status_code == 200 and 'id="notice"' in deleted.text
        assert re.findall(r'id="site-(\d+)"', deleted.text) == [str(site)]


ROUTES_GET = ["/edit", "/versions", "/versions/1/compare", "/canvas/", "/canvas/styles.css", "/versions/1/canvas/",
              "/versions/1/canvas/styles.css", "/canvas/img/0123456789abcdef-640.jpg",
              "/versions/1/canvas/img/0123456789abcdef-640.jpg", "/analytics", "/domains"]  # the last two: web/insights
ROUTES_POST = ["/duplicate", "/delete", "/unpublish", "/publish", "/edits", "/undo", "/redo", "/versions/1/restore"]


async def test_every_route_answers_404_for_another_accounts_site_and_changes_need_csrf(serve: Any) -> None:
    async with serve() as served:
        ana = await signed_in(served, ANA_ID)
        site = await create_site(ana)
        bruno = await signed_in(served, BRUNO_ID, name="Bruno")
        app_routes = {r.path for r in web_routes() if getattr(r, "path", "").startswith("/app/sites/{site_id")}
        tried = {"/app/sites/{site_id:int}" + p.replace("/1/", "/{number:int}/").replace("0123456789abcdef-640.jpg", "{name}")
                 for p in ROUTES_GET + ROUTES_POST + ["/image"]}
        assert app_routes <= tried, app_routes - tried  # a new route must be added to this test
        for path in ROUTES_GET:
            assert (await bruno.get(f"/app/sites/{site}{path}")).status_code == 404, path
        for path in ROUTES_POST:
            answer = await bruno.post(f"/app/sites/{site}{path}", json_body={"version": 1, "op": "remove_section", "section": 0})
            assert answer.status_code == 404, path
        upload = await bruno.http.post(f"/app/sites/{site}/image?version=1", content=camera_jpeg((800, 600)),
                                       headers=bruno._headers({"X-CSRF-Token": bruno.csrf, "Content-Type": "image/jpeg"}))
        assert upload.status_code == 404
        # Ana herself without the CSRF secret, or from another site: refused, nothing stored
        for path in ROUTES_POST:
            assert (await ana.post(f"/app/sites/{site}{path}", json_body={"version": 1}, csrf=False)).status_code == 403, path
        forged = await ana.post(f"/app/sites/{site}/edits", json_body={"version": 1, "op": "remove_section", "section": 0},
                                headers={"Origin": "https://evil.example"})
        assert forged.status_code == 403
        no_csrf_upload = await ana.http.post(f"/app/sites/{site}/image?version=1", content=camera_jpeg((800, 600)),
                                             headers=ana._headers({"Content-Type": "image/jpeg"}))
        assert no_csrf_upload.status_code == 403
        assert (await served.rt.studio.store.site(site)).current_version == 1
        signed_out = Browser(served.http)
        assert (await signed_out.get(f"/app/sites/{site}/edit")).status_code == 303


async def test_a_chat_refinement_and_a_page_edit_at_the_same_moment_one_is_asked_to_retry(serve: Any) -> None:
    async with serve() as served:
        chat = ChatRef(platform="telegram", chat_id=str(ANA_ID), user_id=str(ANA_ID), user_name="Ana")
        studio = served.rt.studio
        [e async for e in studio.message(chat, "Uma padaria artesanal em Lisboa, com menu e contacto")]
        site = (await studio.store.conversation(chat)).site_id
        assert site is not None
        ana = await signed_in(served, ANA_ID)  # the same person: the Mini App and the chat are one account
        page = await ana.get(f"/app/sites/{site}/edit")
        assert 'data-version="1"' in page.text
        refined = [e async for e in studio.message(chat, "make it dark green")]  # the chat, meanwhile
        assert (await studio.store.site(site)).current_version == 2, refined
        answer = await edit(ana, site, op="text", section=0, path="heading", value="Do forno", version=1)
        assert answer.status_code == 409 and answer.json()["version"] == 2
        assert (await studio.store.site(site)).current_version == 2  # the chat's change stands, nothing overwritten
        again = await edit(ana, site, op="text", section=0, path="heading", value="Do forno", version=2)
        assert again.status_code == 200 and again.json()["version"] == 3
        history = [e async for e in studio.message(chat, "/history")]
        assert "On the page" in history[0].text or "Na página" in history[0].text  # type: ignore[attr-defined]


def test_every_message_the_dashboard_templates_name_is_in_the_catalog() -> None:
    from core.i18n.catalog import translations

    named = set()
    for template in Path(__file__).resolve().parents[2].glob("web/templates/**/*.html"):
        named |= set(re.findall(r"""\bt\(["']([a-z0-9_]+)["']""", template.read_text()))
    assert named
    for key in sorted(named):
        for locale in ("pt_BR", "pt_PT", "es", "en"):
            assert translations(locale).gettext(key) != key, (locale, key)  # gettext hands back a missing key


MALFORMED: list[Any] = [
    {}, {"op": "text"}, {"op": "text", "section": "0", "path": "heading", "value": "x"},
    {"op": "text", "section": 0, "path": "items.99.title", "value": "x"},
    {"op": "text", "section": 0, "path": "primary_action.label.x", "value": "x"},
    {"op": "text", "section": 0, "path": "../../etc", "value": "x"}, {"op": "text", "section": 0, "path": "heading", "value": 12},
    {"op": "text", "section": 99, "path": "heading", "value": "x"}, {"op": "site_text", "path": "name", "value": "n" * 300},
    {"op": "site_text", "path": "name", "value": ""}, {"op": "site_text", "path": "slug", "value": "x"},
    {"op": "move_section", "from": 0, "to": 99}, {"op": "move_item", "section": 0, "list": "heading", "from": 0, "to": 1},
    {"op": "add_section", "kind": "script"}, {"op": "add_section", "kind": "footer"}, {"op": "remove_section", "section": -1},
    {"op": "theme", "primary": "red; x"}, {"op": "theme", "radius": 500}, {"op": "nope"}, [], "x", 0,
]


async def test_malformed_changes_are_refused_in_words_never_a_server_error(serve: Any) -> None:
    async with serve() as served:
        ana = await signed_in(served, ANA_ID)
        site = await create_site(ana)
        for body in MALFORMED:
            payload = {**body, "version": 1} if isinstance(body, dict) else body
            answer = await ana.post(f"/app/sites/{site}/edits", json_body=payload)
            assert answer.status_code in (200, 400), (body, answer.status_code, answer.text[:200])
        restore = await ana.post(f"/app/sites/{site}/versions/99/restore", json_body={"version": 1})
        assert restore.status_code in (400, 409)
        image = await ana.http.post(f"/app/sites/{site}/image?version=x&section=zz", content=b"\x00" * 10,
                                    headers=ana._headers({"X-CSRF-Token": ana.csrf}))
        assert image.status_code == 400
