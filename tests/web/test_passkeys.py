"""Passkeys in a real browser: Debian's chromium with the DevTools Protocol's virtual authenticator
(``WebAuthn.enable`` + ``WebAuthn.addVirtualAuthenticator`` through a CDP session) registers a
passkey from the account page, then signs in with it in place of a TOTP code; the CSP holds."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from playwright.async_api import BrowserContext, async_playwright
from sqlalchemy import select

from core.accounts.tables import PasskeyRow
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, new_profile
from tests.web.test_browser import PHONE, watched
from tests.web.test_sign_in import dashboard_link


@pytest.fixture
async def phone(tmp_path: Path) -> AsyncIterator[BrowserContext]:
    async with async_playwright() as playwright:
        yield await playwright.chromium.launch_persistent_context(
            new_profile(tmp_path), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, viewport={"width": PHONE["width"], "height": PHONE["height"]},
        )


async def test_a_passkey_is_registered_then_signs_in_instead_of_a_code(serve: Any, phone: BrowserContext) -> None:
    async with serve(host="localhost") as served:
        url = served.url.replace("127.0.0.1", "localhost")
        context = phone
        page, problems = await watched(context)
        cdp = await context.new_cdp_session(page)
        await cdp.send("WebAuthn.enable")
        added = await cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
            "protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True,
            "isUserVerified": True, "automaticPresenceSimulation": True,
        }})

        await page.goto(f"{url}/auth/link#{await dashboard_link(served)}")
        await page.wait_for_url("**/account")
        await page.locator("#tfa-start").click()
        totp = pyotp.TOTP(await page.locator("#totp-secret").inner_text())
        await page.locator("#totp-code").fill(totp.now())
        await page.get_by_role("button", name="Verify").click()
        await page.locator("#recovery-codes").wait_for()

        await page.goto(f"{url}/account")
        await page.locator("#passkey-name").fill("Phone")
        await page.locator("#passkey-add").click()
        await page.locator("#passkeys li").filter(has_text="Phone").wait_for()
        credentials = await cdp.send("WebAuthn.getCredentials", {"authenticatorId": added["authenticatorId"]})
        assert len(credentials["credentials"]) == 1
        async with served.rt.store.session() as session:
            [row] = list(await session.scalars(select(PasskeyRow)))
        assert row.name == "Phone" and row.credential_id == credentials["credentials"][0]["credentialId"].rstrip("=").replace("+", "-").replace("/", "_")

        await page.locator("#sign-out").click()
        await page.wait_for_url("**/auth/sign-in")
        await page.goto(f"{url}/auth/link#{await dashboard_link(served)}")
        await page.wait_for_url("**/auth/2fa")
        await page.locator("#passkey-use").click()
        await page.wait_for_url("**/account")
        assert await page.locator("h1").inner_text() == "Your account"
        async with served.rt.store.session() as session:
            used = await session.scalar(select(PasskeyRow))
        assert used is not None and used.last_used_at is not None
        assert problems == []
        await context.close()
