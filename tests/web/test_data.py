"""The account's data: API tokens and the JSON API (list, publish, usage, OpenAPI), /export's zip,
and /delete_account leaving no site, route, file or row that names the person."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

from sqlalchemy import inspect, select, text

from core.storage.tables import SiteRow
from tests import photos
from tests.web.conftest import Served, wait_for
from tests.web.signing import Browser
from tests.web.test_sign_in import dashboard_link

PERSON = 700123457  # a Telegram user id found nowhere else


def texts(served: Served, chat: int) -> list[str]:
    return [m["text"] for m in served.telegram.sent(chat)]


async def bakery(served: Served) -> str:
    """A site made and published from Telegram; returns its published URL."""
    tg = served.telegram
    tg.send_text(PERSON, "A bakery in Lisbon with a menu, opening hours and contact", user_id=PERSON)
    await wait_for(lambda: tg.with_buttons(PERSON, "pm:publish"))
    tg.send_text(PERSON, "make it dark green", user_id=PERSON)
    await wait_for(lambda: len(tg.with_buttons(PERSON, "pm:publish")) >= 2)
    tg.send_photo(PERSON, photos.camera_jpeg((800, 600), seed=21), user_id=PERSON)
    await wait_for(lambda: any("Added to the gallery" in t for t in texts(served, PERSON)), timeout=90)
    tg.send_text(PERSON, "/publish", user_id=PERSON)
    published = await wait_for(lambda: [t for t in texts(served, PERSON) if "/s/" in t])
    return re.search(r"https?://\S+/s/[a-z0-9-]+/", published[-1]).group(0)  # type: ignore[union-attr]


async def test_api_tokens_list_publish_usage_and_revocation(serve: Any) -> None:
    async with serve() as served:
        await bakery(served)
        browser = Browser(served.http)
        from core.storage.records import ChatRef

        person = ChatRef(platform="telegram", chat_id=str(PERSON), user_id=str(PERSON))
        await browser.sign_in("/auth/link", "/auth/link", await dashboard_link(served, person))
        page = await browser.post("/account/tokens", form={"name": "ci", "publish": "1"})
        token = re.search(r'id="new-token">(pm_[A-Za-z0-9_-]+)<', page.text).group(1)  # type: ignore[union-attr]
        reader = re.search(r'id="new-token">(pm_[A-Za-z0-9_-]+)<',
                           (await browser.post("/account/tokens", form={"name": "read only"})).text).group(1)  # type: ignore[union-attr]
        assert token not in (await browser.get("/account")).text  # shown once

        api = served.http
        auth = {"Authorization": f"Bearer {token}"}
        sites = (await api.get("/api/v1/sites", headers=auth)).json()["sites"]
        assert len(sites) == 1 and sites[0]["online"] and sites[0]["version"] == 3  # described, refined, a photo
        assert (await api.get("/api/v1/sites")).status_code == 401
        forbidden = await api.post(f"/api/v1/sites/{sites[0]['id']}/publish", headers={"Authorization": f"Bearer {reader}"})
        assert forbidden.status_code == 403
        published = await api.post(f"/api/v1/sites/{sites[0]['id']}/publish", headers=auth)
        assert published.status_code == 200 and published.json()["status"] == "live", published.text
        assert (await api.post("/api/v1/sites/999999/publish", headers=auth)).status_code == 404
        usage = (await api.get("/api/v1/usage", headers=auth)).json()
        assert usage["plan"] == "free" and any(m["metric"] == "publishes" and m["used"] == 2 for m in usage["metrics"])
        schema = (await api.get("/api/v1/openapi.json")).json()
        assert set(schema["paths"]) == {"/api/v1/openapi.json", "/api/v1/sites", "/api/v1/sites/{site_id}/publish", "/api/v1/usage"}

        token_id = re.search(r'/account/tokens/(\d+)/revoke', (await browser.get("/account")).text).group(1)  # type: ignore[union-attr]
        await browser.post(f"/account/tokens/{token_id}/revoke", form={})
        assert (await api.get("/api/v1/sites", headers=auth)).status_code == 401


async def test_export_holds_every_version_conversations_usage_invoices_and_audit(serve: Any) -> None:
    async with serve() as served:
        await bakery(served)
        served.telegram.send_text(PERSON, "/export", user_id=PERSON)
        document = (await wait_for(lambda: served.telegram.documents.get(PERSON)))[0]
        assert document["filename"] == "pagemagic-export.zip" and "everything stored" in document["caption"]
        archive = zipfile.ZipFile(io.BytesIO(document["data"]))
        names = set(archive.namelist())
        slug = next(n.split("/")[1] for n in names if n.startswith("sites/"))
        assert {f"sites/{slug}/site.json", f"sites/{slug}/versions/1.json", f"sites/{slug}/versions/2.json",
                f"sites/{slug}/versions/3.json",
                "account.json", "usage.json", "invoices.json", "audit.json"} <= names
        current = json.loads(archive.read(f"sites/{slug}/site.json"))
        assert current == json.loads(archive.read(f"sites/{slug}/versions/3.json"))["site"]
        assert json.loads(archive.read(f"sites/{slug}/versions/2.json"))["instruction"] == "make it dark green"
        conversation = next(json.loads(archive.read(n)) for n in names if n.startswith("conversations/"))
        assert [t["text"] for t in conversation["turns"] if t["role"] == "user"][:2] == [
            "A bakery in Lisbon with a menu, opening hours and contact", "make it dark green"]
        account = json.loads(archive.read("account.json"))
        assert account["identities"][0]["external_id"] == str(PERSON)
        assert {e["metric"] for e in json.loads(archive.read("usage.json"))} >= {"generations", "publishes"}
        assert any(a["action"] == "publish" for a in json.loads(archive.read("audit.json")))
        assert json.loads(archive.read("invoices.json")) == []
        assert not [n for n in names if "totp" in n or "token" in n]
        image_files = [n for n in names if n.startswith("images/")]
        assert image_files and all(re.match(r"images/[0-9a-f]{64}/[a-z0-9-]+\.(avif|webp|jpg|png)$", n) for n in image_files)


async def test_delete_account_leaves_no_site_route_file_or_personal_row(serve: Any) -> None:
    async with serve() as served:
        url = await bakery(served)
        assert (await served.http.get(url)).status_code == 200
        async with served.rt.store.session() as session:
            site = await session.scalar(select(SiteRow))
        assert site is not None
        slug = site.slug
        tg = served.telegram
        tg.send_text(PERSON, f"/domain {slug}.example.org", user_id=PERSON)
        await wait_for(lambda: [t for t in texts(served, PERSON) if f"{slug}.example.org" in t])

        tg.send_text(PERSON, "/delete_account", user_id=PERSON)
        first = await wait_for(lambda: [m for m in tg.sent(PERSON) if "Delete your account" in m["text"]])
        data = first[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        assert data.startswith("pm:do:/delete_account confirm ")
        tg.press(PERSON, first[-1]["message_id"], data, user_id=PERSON)
        second = await wait_for(lambda: [m for m in tg.sent(PERSON) if "Last check" in m["text"]])
        tg.press(PERSON, second[-1]["message_id"], second[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"], user_id=PERSON)
        await wait_for(lambda: [t for t in texts(served, PERSON) if "has been deleted" in t], timeout=30)

        assert (await served.http.get(url)).status_code == 404
        assert not (served.rt.settings.releases_dir / slug).exists()
        assert not [p for p in served.rt.settings.image_dir.rglob("*") if p.is_file()]  # its photo is gone
        # every row of every table, searched for what names the person or their site
        needles = (str(PERSON), slug)
        async with served.rt.store.engine.connect() as connection:
            tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
            found = []
            for table in tables:
                for row in (await connection.execute(text(f'SELECT * FROM "{table}"'))).all():
                    flat = " ".join(str(v) for v in row)
                    found += [(table, n) for n in needles if n in flat]
        assert found == []
        # the chat itself starts over as a new account with nothing in it
        tg.send_text(PERSON, "/account", user_id=PERSON)
        await wait_for(lambda: [t for t in texts(served, PERSON) if "0 sites" in t])
