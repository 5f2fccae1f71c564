"""A chromium page signed in by a chat link (as a person who typed /dashboard), for the insight pages."""

from __future__ import annotations

from typing import Any

from playwright.async_api import Page

from tests.web.conftest import Served
from tests.web.insights.two_accounts import link_for
from tests.web.test_browser import watched


async def signed_in_page(served: Served, browser: Any, viewport: dict[str, int]) -> tuple[Page, list[str]]:
    context = await browser(viewport)
    page, problems = await watched(context)
    await page.goto(f"{served.url}/auth/link#{await link_for(served)}")
    await page.wait_for_url("**/account")
    return page, problems
