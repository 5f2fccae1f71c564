"""The billing page: the figures of /usage, usage bars against the plan's limits, the estimate and
the spending cap; upgrade goes to a Stripe Checkout session, invoices and payment method to a
customer portal session (the stand-in speaks billing_portal.sessions); both need the CSRF secret;
at phone and desktop sizes in chromium."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.events import UsageReport
from tests.standins.stripe_api import API_KEY, WEBHOOK_SECRET, StripeApiStandIn
from tests.web.insights.browsing import signed_in_page
from tests.web.insights.two_accounts import ANA, two_accounts
from tests.web.test_browser import DESKTOP, PHONE


def with_stripe(api: StripeApiStandIn) -> dict[str, Any]:
    return {"stripe_api_key": API_KEY, "stripe_webhook_secret": WEBHOOK_SECRET, "stripe_api_base": api.url,
            "stripe_meter_events_base": api.url, "billing_spending_cap_cents": 500}


async def test_the_page_shows_the_figures_of_usage_and_links_to_checkout_and_the_portal(
    serve: Any, stripe_api: StripeApiStandIn
) -> None:
    async with serve(**with_stripe(stripe_api)) as served:
        two = await two_accounts(served)
        user_id = (await served.rt.store.conversation(ANA)).user_id
        await served.rt.store.record_usage([(user_id, None, "requests", 1234, datetime.now(UTC))])
        reports = [e async for e in served.rt.studio.message(ANA, "/usage") if isinstance(e, UsageReport)]
        report = reports[-1]
        page = await two.browser.get("/app/billing")
        assert page.status_code == 200
        for line in report.text.splitlines()[1:]:
            if line.startswith("• "):  # each metric line of /usage, without its text bar, is on the page
                assert line.removeprefix("• ").split("  ", 1)[0] in page.text, line
        assert "Spending cap: $5.00 of overage a month ($5.00 left)." in page.text
        assert '<meter min="0" max="' in page.text and 'value="1234"' in page.text

        upgrade = await two.browser.post("/app/billing/upgrade", form={})
        assert upgrade.status_code == 303
        assert upgrade.headers["location"].startswith(f"{stripe_api.url}/c/pay/cs_test_")
        session = next(iter(stripe_api.sessions.values()))
        assert session["client_reference_id"] == str(user_id) and session["metadata"]["plan"] == "pro"

        portal = await two.browser.post("/app/billing/portal", form={})
        assert portal.status_code == 303 and portal.headers["location"].startswith(f"{stripe_api.url}/p/session/bps_")
        made = next(iter(stripe_api.portal_sessions.values()))
        assert made["customer"] == session["customer"]  # the account's one customer
        assert made["return_url"] == f"{served.url}/app/billing"

        forged = await two.browser.post("/app/billing/portal", form={}, csrf=False)
        assert forged.status_code == 403 and len(stripe_api.portal_sessions) == 1


async def test_without_payments_the_page_says_so_and_nothing_breaks(serve: Any) -> None:
    async with serve() as served:
        two = await two_accounts(served)
        page = await two.browser.get("/app/billing")
        assert page.status_code == 200 and 'id="portal"' not in page.text
        refused = await two.browser.post("/app/billing/portal", form={})
        assert refused.status_code == 400 and 'role="alert"' in refused.text


async def test_the_page_in_a_phone_and_a_desktop_browser(serve: Any, browser: Any, stripe_api: StripeApiStandIn) -> None:
    async with serve(**with_stripe(stripe_api)) as served:
        await two_accounts(served)
        for viewport in (PHONE, DESKTOP):
            page, problems = await signed_in_page(served, browser, viewport)
            await page.goto(f"{served.url}/app/billing")
            assert "Free" in await page.locator("#plan").inner_text()
            assert await page.locator("#usage meter").count() >= 3
            assert await page.locator("#upgrade").is_visible() and await page.locator("#portal").is_visible()
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], "the page scrolls sideways"
            assert not problems
            await page.context.close()


async def test_the_account_sets_its_own_spending_cap_and_the_chat_says_the_same(
    serve: Any, stripe_api: StripeApiStandIn
) -> None:
    async with serve(**with_stripe(stripe_api)) as served:  # the operator's cap: $5.00
        two = await two_accounts(served)
        saved = await two.browser.post("/app/billing/cap", form={"cap": "3,50"})  # a decimal comma is fine
        assert saved.status_code == 200 and "Spending cap saved." in saved.text
        assert "Spending cap: $3.50 of overage a month ($3.50 left)." in saved.text
        usage = [e async for e in served.rt.studio.message(ANA, "/usage") if isinstance(e, UsageReport)][-1]
        assert "Spending cap: $3.50 of overage a month ($3.50 left)." in usage.text
        higher = await two.browser.post("/app/billing/cap", form={"cap": "50"})  # above the operator's: theirs holds
        assert "Spending cap: $5.00 of overage a month" in higher.text
        bad = await two.browser.post("/app/billing/cap", form={"cap": "lots"})
        assert bad.status_code == 400 and "such as 20 or 20.50" in bad.text and 'value="lots"' in bad.text
        cleared = await two.browser.post("/app/billing/cap", form={"cap": ""})
        assert "Spending cap: $5.00 of overage a month" in cleared.text
        forged = await two.browser.post("/app/billing/cap", form={"cap": "1"}, csrf=False)
        assert forged.status_code == 403
        assert "Spending cap: $5.00" in (await two.browser.get("/app/billing")).text
