"""The sign-in pages in a real browser: Playwright driving Debian's chromium (``executable_path``, a fresh
profile, no browser download), at phone and desktop sizes. Signed in by a chat link, by Mini App initData
(signed here with the bot token as Telegram does), by Login Widget data and with Slack; two-factor
enrolment, sign-out, sign-in with TOTP and then with a recovery code; the page's CSP holds."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from playwright.async_api import BrowserContext, Page, async_playwright

from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, new_profile
from tests.web.signing import init_data, widget_data
from tests.web.test_sign_in import dashboard_link

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
async def browser(tmp_path: Path) -> AsyncIterator[Any]:
    async with async_playwright() as playwright:

        async def context(viewport: dict[str, int] = PHONE) -> BrowserContext:
            return await playwright.chromium.launch_persistent_context(
                new_profile(tmp_path), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, viewport=viewport,
            )

        yield context


async def watched(context: BrowserContext) -> tuple[Page, list[str]]:
    """A page whose CSP violations and script errors are collected."""
    page = await context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    return page, problems


async def test_sign_in_by_chat_link_on_a_phone_and_on_a_desktop(serve: Any, browser: Any) -> None:
    async with serve() as served:
        for viewport in (PHONE, DESKTOP):
            context = await browser(viewport)
            page, problems = await watched(context)
            token = await dashboard_link(served)
            await page.goto(f"{served.url}/auth/link#{token}")
            await page.wait_for_url("**/account")
            assert await page.locator("h1").inner_text() == "Your account"
            assert "#" not in page.url  # the token left the address bar
            cookie = next(c for c in await context.cookies() if c["name"] == "pm_session")
            assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"
            # the same link in another browser does nothing
            other = await browser(viewport)
            again, _ = await watched(other)
            await again.goto(f"{served.url}/auth/link#{token}")
            await again.locator("#status").filter(has_text="not valid").wait_for()
            await other.close()
            assert problems == []
            await context.close()


async def test_mini_app_signs_in_from_init_data_without_a_login_screen(serve: Any, browser: Any) -> None:
    async with serve() as served:
        context = await browser(PHONE)
        page, problems = await watched(context)
        data = init_data(served.telegram.token, 7001, int(time.time()))
        await page.goto(f"{served.url}/app/#tgWebAppData={json.dumps(data)[1:-1].replace('&', '%26').replace('=', '%3D')}&tgWebAppVersion=8.0")
        await page.locator("h1").filter(has_text="Your sites").wait_for()  # the dashboard, no login screen
        await page.goto(f"{served.url}/account")
        assert "Telegram" in await page.locator("#identities").inner_text()
        forged = await browser(PHONE)
        bad, _ = await watched(forged)
        tampered = init_data(served.telegram.token, 7001, int(time.time())).replace("7001", "7002")
        await bad.goto(f"{served.url}/app/#tgWebAppData={tampered.replace('&', '%26').replace('=', '%3D')}")
        await bad.locator("#status").filter(has_text="not valid").wait_for()
        assert problems == []
        await context.close()
        await forged.close()


async def test_login_widget_and_sign_in_with_slack(serve: Any, browser: Any, slack_api: Any) -> None:
    async with serve() as served:
        context = await browser(DESKTOP)
        page, problems = await watched(context)
        await page.goto(f"{served.url}/auth/sign-in")
        assert await page.locator("#telegram").is_visible() and await page.locator("#slack").is_visible()
        # Telegram's login page sends the browser back with #tgAuthResult=<base64 JSON>
        result = base64.urlsafe_b64encode(json.dumps(widget_data(served.telegram.token, 7001, int(time.time()))).encode()).decode()
        await page.goto(f"{served.url}/auth/telegram/return#tgAuthResult={result.rstrip('=')}")
        await page.wait_for_url("**/account")
        await page.locator("#sign-out").click()
        await page.wait_for_url("**/auth/sign-in")

        slack_api.oidc_user = ("T0ACME", "U0ANA", "ana@acme.example")
        await page.locator("#slack").click()  # -> Slack's authorize page (the stand-in approves) -> back
        await page.wait_for_url("**/account")
        assert "Slack (T0ACME)" in await page.locator("#identities").inner_text()
        assert problems == []
        await context.close()


async def test_two_factor_enrol_sign_out_sign_in_with_totp_then_recovery_code(serve: Any, browser: Any) -> None:
    async with serve() as served:
        context = await browser(PHONE)
        page, problems = await watched(context)
        await page.goto(f"{served.url}/auth/link#{await dashboard_link(served)}")
        await page.wait_for_url("**/account")
        await page.locator("#tfa-start").click()
        await page.locator("#qr").wait_for()
        assert await page.locator("#qr").evaluate("img => img.naturalWidth") > 0  # the SVG drawn server-side
        totp = pyotp.TOTP(await page.locator("#totp-secret").inner_text())
        await page.locator("#totp-code").fill(totp.now())
        await page.get_by_role("button", name="Verify").click()
        codes = await page.locator("#recovery-codes code").all_inner_texts()
        assert len(codes) == 10
        await page.locator("#sign-out").click()
        await page.wait_for_url("**/auth/sign-in")

        await page.goto(f"{served.url}/auth/link#{await dashboard_link(served)}")
        await page.wait_for_url("**/auth/2fa")
        await page.locator("#code").fill(totp.at(time.time() + 30))
        await page.get_by_role("button", name="Verify").click()
        await page.wait_for_url("**/account")
        await page.locator("#sign-out").click()
        await page.wait_for_url("**/auth/sign-in")

        await page.goto(f"{served.url}/auth/link#{await dashboard_link(served)}")
        await page.wait_for_url("**/auth/2fa")
        await page.locator("#code").fill(codes[3])
        await page.get_by_role("button", name="Verify").click()
        await page.wait_for_url("**/account")
        assert "Recovery codes left: 9" in await page.locator("#tfa-state").inner_text()
        assert problems == []
        await context.close()


async def test_a_changed_form_without_its_csrf_secret_is_refused(serve: Any, browser: Any) -> None:
    async with serve() as served:
        context = await browser(DESKTOP)
        page, _problems = await watched(context)
        await page.goto(f"{served.url}/auth/link#{await dashboard_link(served)}")
        await page.wait_for_url("**/account")
        await page.locator('form[action="/account/sign-out-everywhere"] input[name="csrf"]').evaluate("i => i.value = 'forged'")
        await page.locator("#sign-out-everywhere").click()
        await page.locator(".notice").filter(has_text="refused").wait_for()
        await page.goto(f"{served.url}/account")
        assert await page.locator("h1").inner_text() == "Your account"  # still signed in: nothing changed
        await context.close()
