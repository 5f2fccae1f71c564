"""The whole editing flow in a real browser (Playwright driving Debian's chromium through
``executable_path``) at a phone's and a desktop's size: the Mini App URL with signed initData opens the
sites list, a heading is edited in place, a section dragged, a photo swapped, the swap undone, the site
published, and the published page shows the new text. Asserted on what the page shows and on the
stored versions; no CSP violation and no script error on any page."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from core.events import PreviewReady
from core.storage.records import ChatRef
from tests.photos import camera_jpeg
from tests.web.conftest import Served
from tests.web.signing import init_data
from tests.web.test_browser import DESKTOP, PHONE, browser, watched  # noqa: F401  (the fixture)

THEME = {"bg_color": "#17212b", "text_color": "#f5f5f5", "button_color": "#5288c1", "button_text_color": "#ffffff"}


def mini_app_url(served: Served, user_id: int) -> str:
    data = init_data(served.telegram.token, user_id, int(time.time()))
    fragment = {"tgWebAppData": data, "tgWebAppVersion": "8.0", "tgWebAppThemeParams": json.dumps(THEME)}
    encoded = "&".join(f"{k}={v.replace('%', '%25').replace('&', '%26').replace('=', '%3D')}" for k, v in fragment.items())
    return f"{served.url}/app/#{encoded}"


async def site_from_the_chat(served: Served, user_id: int) -> int:
    chat = ChatRef(platform="telegram", chat_id=str(user_id), user_id=str(user_id), user_name="Ana")
    events = [e async for e in served.rt.studio.message(chat, "Uma padaria artesanal em Lisboa, com menu e contacto")]
    assert any(isinstance(e, PreviewReady) for e in events)
    conversation = await served.rt.studio.store.conversation(chat)
    assert conversation.site_id is not None
    return conversation.site_id


async def test_edit_drag_swap_undo_publish_at_phone_and_desktop_sizes(serve: Any, browser: Any, tmp_path: Path) -> None:  # noqa: F811
    async with serve() as served:
        store = served.rt.studio.store
        for n, viewport in enumerate((PHONE, DESKTOP)):
            user = 7201 + n
            site = await site_from_the_chat(served, user)
            context = await browser(viewport)
            page, problems = await watched(context)
            await page.goto(mini_app_url(served, user))
            await page.locator("#sites").wait_for()  # the dashboard, in the account's language (the chat's: pt_PT)
            assert await page.locator("h1").inner_text() == "Os seus sites"
            await page.locator("html.tg").wait_for(state="attached")  # app.js ran: inside Telegram
            assert await page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()") == "#17212b"
            await page.locator(f"#site-{site} .actions a.button").first.click()
            await page.wait_for_url(f"**/app/sites/{site}/edit")
            state = page.locator("#save-state")
            canvas = page.frame_locator("#canvas")

            # a heading, edited in place
            heading = canvas.locator('[data-pm-section="0"] [data-pm-path="heading"]')
            await heading.click()
            await page.keyboard.press("Control+A")
            await page.keyboard.type("Pão quente às sete")
            await page.keyboard.press("Enter")
            await state.filter(has_text="v2").wait_for()
            assert (await store.version(site, 2)).site.sections[0].heading == "Pão quente às sete"  # type: ignore[union-attr]

            # the second section dragged below the third
            await canvas.locator('[data-pm-section="0"] [data-pm-path="heading"]').filter(has_text="Pão quente").wait_for()
            kinds = [s.kind for s in (await store.version(site, 2)).site.sections]
            await page.locator("#reorder").click()  # sections folded to strips: two fit on any screen
            await canvas.locator("html.pm-compact").wait_for(state="attached")
            handle = canvas.locator('[data-pm-section="1"] .pm-handle')
            await handle.scroll_into_view_if_needed()
            start = await handle.bounding_box()
            target = await canvas.locator('[data-pm-section="2"]').bounding_box()
            assert start and target
            await page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
            await page.mouse.down()
            for step in range(1, 21):
                y = start["y"] + (target["y"] + target["height"] * 0.8 - start["y"]) * step / 20
                await page.mouse.move(start["x"] + start["width"] / 2, y)
            await page.mouse.up()
            await state.filter(has_text="v3").wait_for()
            await page.locator("#reorder").click()
            moved = [s.kind for s in (await store.version(site, 3)).site.sections]
            assert moved[1] == kinds[2] and moved[2] == kinds[1]

            # the cover photo swapped for one from the phone
            await canvas.locator('[data-pm-section="0"]').scroll_into_view_if_needed()
            async with page.expect_file_chooser() as chooser:
                await canvas.locator('[data-pm-section="0"] .pm-photo').click()
            photo = tmp_path / f"photo-{n}.jpg"
            photo.write_bytes(camera_jpeg((1600, 1200), seed=n + 3))
            await (await chooser.value).set_files(str(photo))
            await state.filter(has_text="v4").wait_for()
            cover = (await store.version(site, 4)).site.sections[0].image  # type: ignore[union-attr]
            assert cover is not None
            await canvas.locator(f'img[data-pm-image="{cover}"]').wait_for()

            # undo takes the photo away again (the version before it, as /undo in the chat)
            await page.locator("#undo").click()
            await state.filter(has_text="v3").wait_for()
            assert (await store.site(site)).current_version == 3
            await canvas.locator('[data-pm-section="0"] [data-pm-path="heading"]').filter(has_text="Pão quente").wait_for()
            await canvas.locator(f'img[data-pm-image="{cover}"]').wait_for(state="detached")

            # publish, then the published site shows the new text
            await page.locator("#publish").click()
            await page.locator("#live").wait_for(state="visible", timeout=60_000)
            url = await page.locator("#live-link").get_attribute("href")
            assert url and "/s/" in url
            published = await context.new_page()
            await published.goto(url)
            assert "Pão quente às sete" in await published.locator("h1").first.inner_text()
            deployed = await store.online_deployment(site)
            assert deployed is not None and deployed.version == 3
            assert problems == [], problems
            await context.close()


async def test_a_dropped_connection_loses_no_keystroke_the_queue_resends(serve: Any, browser: Any) -> None:  # noqa: F811
    async with serve() as served:
        site = await site_from_the_chat(served, 7301)
        context = await browser(PHONE)
        page, problems = await watched(context)
        await page.goto(mini_app_url(served, 7301))
        await page.locator("#sites").wait_for(state="attached")
        await page.goto(f"{served.url}/app/sites/{site}/edit")
        heading = page.frame_locator("#canvas").locator('[data-pm-section="0"] [data-pm-path="heading"]')
        await heading.click()
        await context.set_offline(True)
        await page.keyboard.press("Control+A")
        await page.keyboard.type("Escrito sem rede")
        await page.keyboard.press("Enter")
        await page.locator("#save-state").filter(has_text="Sem ligação").wait_for()
        kept = await page.evaluate(f"window.localStorage.getItem('pm-queue-{site}')")
        assert "Escrito sem rede" in kept  # kept in the browser until the server has it
        assert (await served.rt.studio.store.site(site)).current_version == 1
        await context.set_offline(False)
        await page.locator("#save-state").filter(has_text="v2").wait_for(timeout=20_000)
        stored = (await served.rt.studio.store.version(site, 2)).site.sections[0]
        assert stored.heading == "Escrito sem rede"  # type: ignore[union-attr]
        assert await page.evaluate(f"window.localStorage.getItem('pm-queue-{site}')") == "[]"
        assert [p for p in problems if "ERR_INTERNET_DISCONNECTED" not in p] == []
        await context.close()
