"""Signing in over real HTTP against the server `pagemagic serve` runs: by a chat's one-time link, by
Mini App initData, by Login Widget data, with Slack (OpenID Connect) and by an emailed link; what is
refused (forged, stale, replayed, used, cross-site); sessions and two-factor; nothing secret in the logs."""

from __future__ import annotations

import io
import json
import logging
import re
import time
from typing import Any

import pyotp

from core.events import SignInLink
from core.observability.logging import configure_logging
from core.storage.records import ChatRef
from tests.web.conftest import Served, wait_for
from tests.web.signing import Browser, init_data, widget_data

ANA = ChatRef(platform="telegram", chat_id="7001", user_id="7001", user_name="Ana")


async def dashboard_link(served: Served, chat: ChatRef = ANA) -> str:
    events = [e async for e in served.rt.studio.message(chat, "/dashboard")]
    link = next(e for e in events if isinstance(e, SignInLink))
    assert link.url.startswith(served.url + "/auth/link#")
    return link.url.split("#", 1)[1]


async def test_a_chat_link_signs_in_once_and_never_reaches_the_logs(serve: Any) -> None:
    logs = io.StringIO()
    configure_logging([], "json", "DEBUG", stream=logs)
    try:
        async with serve() as served:
            token = await dashboard_link(served)
            browser = Browser(served.http)
            page = await browser.get("/auth/link")
            assert page.status_code == 200 and "unsafe-inline" not in page.headers["content-security-policy"]
            answer = await browser.post("/auth/link", json_body={"credential": token})
            assert answer.status_code == 200 and answer.json() == {"next": "/account"}
            cookie = next(h for h in answer.headers.get_list("set-cookie") if h.startswith("pm_session="))
            assert all(flag in cookie for flag in ("Secure", "HttpOnly", "SameSite=lax"))
            account = await browser.get("/account")
            assert account.status_code == 200 and "Telegram" in account.text
            # sign out; the same link (and the old session) no longer work
            await browser.post("/account/sign-out", form={})
            assert (await browser.get("/account", follow_redirects=False)).status_code == 303
            again = Browser(served.http)
            await again.get("/auth/link")
            replay = await again.post("/auth/link", json_body={"credential": token})
            assert replay.status_code == 400 and "not valid" in replay.json()["error"]
    finally:
        logging.getLogger().handlers.clear()
    assert token not in logs.getvalue()


async def test_cross_site_and_tokenless_posts_are_refused(serve: Any) -> None:
    async with serve() as served:
        token = await dashboard_link(served)
        browser = Browser(served.http)
        await browser.get("/auth/link")
        no_csrf = await browser.post("/auth/link", json_body={"credential": token}, csrf=False)
        assert no_csrf.status_code == 403
        other_site = await browser.post("/auth/link", json_body={"credential": token}, headers={"Origin": "https://evil.example"})
        assert other_site.status_code == 403
        assert (await browser.post("/auth/link", json_body={"credential": token})).status_code == 200  # still unused
        # signed in: a change without the session's CSRF secret is refused and changes nothing
        refused = await browser.post("/account/sign-out-everywhere", form={"csrf": "wrong"}, csrf=False)
        assert refused.status_code == 403
        assert (await browser.get("/account")).status_code == 200


async def test_mini_app_init_data_signs_in_and_forged_stale_replayed_are_refused(serve: Any) -> None:
    async with serve() as served:
        bot_token = served.telegram.token
        now = int(time.time())
        fresh = init_data(bot_token, 7001, now)
        browser = Browser(served.http)
        assert (await browser.sign_in("/app/", "/auth/telegram/webapp", fresh)).json() == {"next": "/app/"}  # the Mini App opens the dashboard
        assert "Telegram" in (await browser.get("/account")).text
        for bad in (
            fresh,  # replayed
            init_data(bot_token, 7001, now - 3600),  # stale
            init_data("999:another-bot-token", 7001, now),  # forged: signed with another key
            fresh.replace("7001", "7002"),  # tampered after signing
            "",
        ):
            other = Browser(served.http)
            answer = await other.sign_in("/app/", "/auth/telegram/webapp", bad)
            assert answer.status_code == 400, bad
            assert "pm_session" not in other.cookies


async def test_login_widget_data_signs_in_and_forged_or_stale_is_refused(serve: Any) -> None:
    async with serve() as served:
        bot_token = served.telegram.token
        start = await served.http.get("/auth/telegram/start", follow_redirects=False)
        assert start.headers["location"].startswith("https://oauth.telegram.org/auth?bot_id=123456")
        now = int(time.time())
        good = widget_data(bot_token, 7001, now)
        browser = Browser(served.http)
        answer = await browser.sign_in("/auth/telegram/return", "/auth/telegram/widget", json.dumps(good))
        assert answer.json() == {"next": "/account"}
        forged = {**good, "first_name": "Mallory"}
        stale = widget_data(bot_token, 7001, now - 86400)
        for bad in (forged, stale, good):
            other = Browser(served.http)
            assert (await other.sign_in("/auth/telegram/return", "/auth/telegram/widget", json.dumps(bad))).status_code == 400


async def test_sign_in_with_slack_over_openid_connect(serve: Any, slack_api: Any) -> None:
    async with serve() as served:
        slack_api.oidc_user = ("T0ACME", "U0ANA", "ana@acme.example")
        browser = Browser(served.http)
        start = await browser.get("/auth/slack/start")
        assert start.status_code == 303 and "pm_oidc" in browser.cookies
        authorize = await served.http.get(start.headers["location"], follow_redirects=False)  # Slack approves
        callback = authorize.headers["location"]
        assert callback.startswith(served.url + "/auth/slack/callback?code=")
        done = await browser.get(callback.removeprefix(served.url))
        assert done.status_code == 303 and done.headers["location"] == "/account"
        assert "Slack (T0ACME)" in (await browser.get("/account")).text
        # the same code again, or a callback whose state is not this browser's, signs nobody in
        assert (await Browser(served.http).get(callback.removeprefix(served.url))).status_code == 400


async def test_an_emailed_link_for_a_linked_address(serve: Any, mailbox: Any) -> None:
    box, _port = mailbox
    async with serve() as served:
        events = [e async for e in served.rt.studio.message(ANA, "/email ana@example.com")]
        assert "ana@example.com" in events[-1].text
        verify = await wait_for(lambda: [u for u in box.links() if "/auth/email/verify#" in u])
        browser = Browser(served.http)
        linked = await browser.sign_in("/auth/email/verify", "/auth/email/verify", verify[0].split("#", 1)[1])
        assert linked.status_code == 200 and "ana@example.com" in linked.json()["message"]
        # now the address can ask for a sign-in link; an unknown one gets the same answer and no mail
        page = await browser.get("/auth/sign-in")
        assert 'action="/auth/email"' in page.text
        for address in ("nobody@example.com", "ana@example.com"):
            sent = await browser.post("/auth/email", form={"email": address})
            assert sent.status_code == 200 and "If that address is linked" in sent.text
        mails = await wait_for(lambda: [u for u in box.links() if "/auth/link#" in u])
        assert len(mails) == 1 and len(box.messages) == 2
        signed = await Browser(served.http).sign_in("/auth/link", "/auth/link", mails[0].split("#", 1)[1])
        assert signed.json() == {"next": "/account"}


async def test_two_factor_enrol_sign_out_sign_in_with_totp_then_a_recovery_code(serve: Any) -> None:
    async with serve() as served:
        browser = Browser(served.http)
        await browser.sign_in("/auth/link", "/auth/link", await dashboard_link(served))
        page = await browser.post("/account/2fa/start", form={})
        secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page.text).group(1)  # type: ignore[union-attr]
        qr = await browser.get("/account/2fa/qr.svg")
        assert qr.headers["content-type"] == "image/svg+xml" and b"<svg" in qr.content
        totp = pyotp.TOTP(secret)
        wrong = await browser.post("/account/2fa/confirm", form={"code": "000000"})
        assert wrong.status_code == 400
        confirmed = await browser.post("/account/2fa/confirm", form={"code": totp.now()})
        codes = re.findall(r"<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code>", confirmed.text)
        assert len(codes) == 10
        await browser.post("/account/sign-out", form={})

        # sign in again: the link alone is not enough
        second = Browser(served.http)
        answer = await second.sign_in("/auth/link", "/auth/link", await dashboard_link(served))
        assert answer.json() == {"next": "/auth/2fa"}
        assert (await second.get("/account")).status_code == 303  # waits for the code
        page = await second.get("/auth/2fa")
        before = second.cookies["pm_session"]
        bad = await second.post("/auth/2fa", form={"code": "123456"})
        assert bad.status_code == 400
        code = totp.at(time.time() + 30)  # the enrolment used this step; the next one is new
        ok = await second.post("/auth/2fa", form={"code": code})
        assert ok.status_code == 303 and second.cookies["pm_session"] != before  # rotated
        assert (await second.get("/account")).status_code == 200
        await second.post("/account/sign-out", form={})

        third = Browser(served.http)
        await third.sign_in("/auth/link", "/auth/link", await dashboard_link(served))
        await third.get("/auth/2fa")
        assert (await third.post("/auth/2fa", form={"code": codes[0]})).status_code == 303
        account = await third.get("/account")
        assert "Recovery codes left: 9" in account.text
        fourth = Browser(served.http)
        await fourth.sign_in("/auth/link", "/auth/link", await dashboard_link(served))
        await fourth.get("/auth/2fa")
        assert (await fourth.post("/auth/2fa", form={"code": codes[0]})).status_code == 400  # used once


async def test_sign_out_everywhere_ends_every_session(serve: Any) -> None:
    async with serve() as served:
        browsers = [Browser(served.http) for _ in range(3)]
        for browser in browsers:
            await browser.sign_in("/auth/link", "/auth/link", await dashboard_link(served))
        await browsers[0].post("/account/sign-out-everywhere", form={})
        for browser in browsers:
            assert (await browser.get("/account")).status_code == 303
