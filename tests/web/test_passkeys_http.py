"""Passkeys over real HTTP against `pagemagic serve`, answered by a software authenticator: only with
two-factor on, only with the session's CSRF secret, and an answer replayed at sign-in is refused."""

from __future__ import annotations

import re
from typing import Any

import pyotp

from tests.core.accounts.authenticator import SoftAuthenticator
from tests.web.signing import Browser
from tests.web.test_sign_in import dashboard_link


async def test_passkey_endpoints_over_http(serve: Any) -> None:
    async with serve(host="localhost") as served:
        key = SoftAuthenticator(served.url, "localhost")
        browser = Browser(served.http)
        await browser.sign_in("/auth/link", "/auth/link", await dashboard_link(served))
        early = await browser.post("/account/passkeys/options", json_body={})
        assert early.status_code == 400 and "two-factor" in early.json()["error"]  # TOTP first

        page = await browser.post("/account/2fa/start", form={})
        secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page.text).group(1)  # type: ignore[union-attr]
        await browser.post("/account/2fa/confirm", form={"code": pyotp.TOTP(secret).now()})
        await browser.get("/account")
        forged = await browser.post("/account/passkeys/options", json_body={}, headers={"X-CSRF-Token": "nope"})
        assert forged.status_code == 403
        options = (await browser.post("/account/passkeys/options", json_body={})).json()
        assert options["rp"]["id"] == "localhost"
        made = await browser.post("/account/passkeys", json_body={"name": "Key", "credential": key.create(options)})
        assert made.json() == {"next": "/account"}
        assert "<li>Key\n" in (await browser.get("/account")).text  # listed, with its Remove button
        await browser.post("/account/sign-out", form={})

        second = Browser(served.http)
        await second.sign_in("/auth/link", "/auth/link", await dashboard_link(served))
        assert "Use a passkey" in (await second.get("/auth/2fa")).text
        answer = key.get((await second.post("/auth/passkey/options", json_body={})).json())
        done = await second.post("/auth/passkey", json_body={"credential": answer})
        assert done.json() == {"next": "/account"}
        assert (await second.get("/account")).status_code == 200

        third = Browser(served.http)
        await third.sign_in("/auth/link", "/auth/link", await dashboard_link(served))
        await third.get("/auth/2fa")
        await third.post("/auth/passkey/options", json_body={})
        replayed = await third.post("/auth/passkey", json_body={"credential": answer})
        assert replayed.status_code == 400
        assert (await third.get("/account")).status_code == 303  # still waiting for a second factor
