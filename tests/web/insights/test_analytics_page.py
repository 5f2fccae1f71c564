"""The analytics page: figures of the chosen range (7/30/90 days), chart, top pages, referrers,
statuses; another account's site is a 404; at phone and desktop sizes in chromium, CSP intact."""

from __future__ import annotations

import json
from typing import Any

from tests.web.insights.browsing import signed_in_page
from tests.web.insights.two_accounts import ANA, traffic, two_accounts
from tests.web.test_browser import DESKTOP, PHONE


async def test_the_range_switch_changes_the_figures(serve: Any) -> None:
    async with serve() as served:
        two = await two_accounts(served)
        await traffic(served, two.mine)
        page = await two.browser.get(f"/app/sites/{two.mine}/analytics")
        assert page.status_code == 200
        assert "unsafe-inline" not in page.headers["content-security-policy"]
        assert "last 7 days: 721 visitors, 7,000 page views, 8,400 requests, 21 MB served." in page.text
        assert "<svg" in page.text and "<script" not in page.text
        month = await two.browser.get(f"/app/sites/{two.mine}/analytics?days=30")
        assert "last 30 days: 3,435 visitors, 30,000 page views" in month.text
        quarter = await two.browser.get(f"/app/sites/{two.mine}/analytics?days=90")
        assert "last 90 days: 4,780 visitors, 40,000 page views" in quarter.text  # only 40 days have traffic
        odd = await two.browser.get(f"/app/sites/{two.mine}/analytics?days=12")
        assert "last 7 days" in odd.text  # not a range: the default


async def test_another_accounts_site_is_not_found_and_signed_out_is_sent_to_sign_in(serve: Any) -> None:
    async with serve() as served:
        two = await two_accounts(served)
        await traffic(served, two.theirs)
        theirs = await two.browser.get(f"/app/sites/{two.theirs}/analytics")
        assert theirs.status_code == 404 and "visitors" not in theirs.text.lower().split("</title>", 1)[1]
        missing = await two.browser.get("/app/sites/999999/analytics")
        assert missing.status_code == 404
        anonymous = await served.http.get(f"/app/sites/{two.mine}/analytics")
        assert anonymous.status_code == 303 and anonymous.headers["location"] == "/auth/sign-in"


async def test_the_page_in_a_phone_and_a_desktop_browser(serve: Any, browser: Any) -> None:
    async with serve() as served:
        two = await two_accounts(served)
        await traffic(served, two.mine)
        for viewport in (PHONE, DESKTOP):
            page, problems = await signed_in_page(served, browser, viewport)
            await page.goto(f"{served.url}/app/sites/{two.mine}/analytics")
            assert await page.locator("#tile-visitors .ins-value").inner_text() == "721"
            await page.click("#range-30")
            await page.wait_for_url("**?days=30")
            assert await page.locator("#tile-visitors .ins-value").inner_text() == "3,435"
            assert await page.locator("#range-30").get_attribute("aria-current") == "page"
            assert await page.locator("#pages tr").count() == 2
            assert "www.google.com" in await page.locator("#referrers").inner_text()
            chart = page.locator("figure svg")
            box = await chart.bounding_box()
            assert box is not None and box["width"] <= viewport["width"]  # fits the phone
            assert await chart.locator("rect").count() == 60  # 30 days, two bars each
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], "the page scrolls sideways"
            assert not problems
            await page.context.close()


async def test_the_export_carries_the_sites_analytics_and_nothing_about_visitors(serve: Any) -> None:
    async with serve() as served:
        two = await two_accounts(served)
        await traffic(served, two.mine, days=3)
        user_id = (await served.rt.store.conversation(ANA)).user_id
        files = await served.rt.studio.accounts.export.files(user_id)
        (name,) = [n for n in files if n.endswith("/analytics.json")]
        days = json.loads(files[name])
        assert [d["day"] for d in days] == ["2026-11-28", "2026-11-29", "2026-11-30"]
        assert days[-1]["visitors"] == 100 and days[-1]["pages"] == {"/": 800, "/menu": 200}
