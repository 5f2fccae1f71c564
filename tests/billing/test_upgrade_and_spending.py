"""/upgrade -> Stripe Checkout -> signed webhook -> plan, quotas and edge limits; /usage, alerts, cap."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from redis.asyncio import Redis
from sqlalchemy import func, select, update

from billing.plans import PlansFileError, load_plans
from billing.tables import PlanChangeRow
from bots.wiring import runtime
from core.events import Event, Failed, PreviewReady, Reply, UsageReport
from core.settings import Settings
from core.storage.records import ChatRef
from core.storage.tables import SiteRow, UserRow
from hosting.routes import Route, RouteTable, site_key
from tests.standins.stripe_api import API_KEY, WEBHOOK_SECRET, StripeApiStandIn

CHAT = ChatRef("console", "billing-chat", "u1", language="en")


async def said(studio_message: object) -> list[Event]:
    return [e async for e in studio_message]  # type: ignore[attr-defined]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_checkout_webhook_moves_the_plan_quotas_and_edge_limits(
    database_url: str, settings_for: Callable[..., Settings], stripe_api: StripeApiStandIn
) -> None:
    settings = settings_for(
        database_url, stripe_api_key=API_KEY, stripe_webhook_secret=WEBHOOK_SECRET, stripe_api_base=stripe_api.url,
        stripe_meter_events_base=stripe_api.url, redis_url="redis://127.0.0.1:6379/0",
    )
    redis = Redis.from_url("redis://127.0.0.1:6379/0")
    slug = f"billing-test-{secrets.token_hex(4)}"
    try:
        async with runtime(settings) as rt:
            studio, store = rt.studio, rt.store
            conversation = await store.conversation(CHAT)
            user_id = conversation.user_id
            # a published site of this account, as the edge sees it
            events = await said(studio.message(CHAT, "a bakery in Lisbon with a menu"))
            assert isinstance(events[-1], PreviewReady)
            async with store.session() as session, session.begin():
                await session.execute(update(SiteRow).where(SiteRow.owner_id == user_id).values(slug=slug))
            await RouteTable(redis).put(Route(slug, 1, 1, "free", (f"{slug}.test",)))

            # the free plan's generations are used up: refused, with the upgrade link
            await store.record_usage([(user_id, None, "generations", 99, datetime.now(UTC))])
            refused = (await said(studio.message(CHAT, "make it dark green")))[-1]
            assert isinstance(refused, Failed) and refused.code == "quota_exceeded"
            assert "100 of 100" in refused.text and f"{stripe_api.url}/c/pay/cs_test_" in refused.text
            assert (await store.version(1, 1)).site.name  # nothing already built was lost

            # /upgrade: a Checkout link for Pro, one customer for the account however often it asks
            answer = await said(studio.message(CHAT, "/upgrade"))
            offer = answer[0]
            assert [e.kind for e in answer if isinstance(e, Reply)] == ["upgrade", "spending_alert"]  # 100%: once
            assert isinstance(offer, Reply) and offer.kind == "upgrade" and "$19.00" in offer.text
            url = offer.text.split("Stripe: ", 1)[1].split()[0]
            assert len(stripe_api.customers) == 1
            session_params = stripe_api.called("/v1/checkout/sessions")[-1].params
            assert session_params["line_items"][0] == {"price": "price_pagemagic_pro_monthly", "quantity": "1"}

            # the customer pays; Stripe calls the webhook (twice, as it may)
            checkout, subscription = stripe_api.complete_checkout(url.rsplit("/", 1)[1])
            event = stripe_api.event("checkout.session.completed", checkout)
            webhook = rt.base_url + "/stripe/webhook"
            first, second = await stripe_api.deliver(webhook, event), await stripe_api.deliver(webhook, event)
            assert (first.status_code, second.status_code) == (200, 200)
            assert second.json() == {"status": "already processed"}
            async with store.session() as session:
                assert await session.scalar(select(func.count()).select_from(PlanChangeRow)) == 1
            # Studio's quotas follow at once, the edge's limits within the same call
            ok = (await said(studio.message(CHAT, "make it dark green")))
            assert any(isinstance(e, PreviewReady) for e in ok)
            assert json.loads(await redis.get(site_key(slug)))["plan"] == "pro"

            # a forged delivery: 400 and nothing changes
            cancel = stripe_api.event("customer.subscription.deleted", subscription)
            forged = await stripe_api.deliver(webhook, cancel, secret="whsec_wrong")
            assert forged.status_code == 400
            async with store.session() as session:
                assert (await session.get(UserRow, user_id)).plan == "pro"  # type: ignore[union-attr]

            # payment fails: grace period, then Free
            failed = stripe_api.event("invoice.payment_failed", {"id": "in_1", "customer": subscription["customer"]})
            assert (await stripe_api.deliver(webhook, failed)).status_code == 200
            assert rt.billing is not None and rt.billing.job is not None
            assert (await rt.billing.job.run_once()).downgraded == 0  # still within grace
            from datetime import timedelta

            later = datetime.now(UTC) + timedelta(days=settings.billing_grace_days, hours=1)
            assert (await rt.billing.job.run_once(later)).downgraded == 1
            async with store.session() as session:
                assert (await session.get(UserRow, user_id)).plan == "free"  # type: ignore[union-attr]
            assert json.loads(await redis.get(site_key(slug)))["plan"] == "free"
    finally:
        await RouteTable(redis).remove(slug)
        await redis.aclose()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_usage_shows_spend_alerts_are_posted_once_and_the_cap_stops_overage(
    database_url: str, settings_for: Callable[..., Settings]
) -> None:
    async with runtime(settings_for(database_url, billing_spending_cap_cents=100)) as rt:
        studio, store = rt.studio, rt.store
        user_id = (await store.conversation(CHAT)).user_id
        now = datetime.now(UTC)
        await store.record_usage([(user_id, None, "generations", 80, now)])
        events = await said(studio.message(CHAT, "/usage"))
        report, alerts = events[0], [e for e in events if isinstance(e, Reply) and e.kind == "spending_alert"]
        assert isinstance(report, UsageReport) and "• generations: 80 of 100  ████████░░ 80%" in report.text
        assert "Estimated bill so far: $0.00" in report.text and "resets on" in report.text
        assert [a.text for a in alerts] == [
            "Heads-up: you've used 80% of the generations your plan includes this month (80 of 100). "
            "Type /upgrade for a bigger plan."
        ]
        again = await said(studio.message(CHAT, "/usage"))
        assert not [e for e in again if isinstance(e, Reply)]  # once per period
        # /upgrade without Stripe set up: a clear answer, nothing charged
        refused = (await said(studio.message(CHAT, "/upgrade")))[-1]
        assert isinstance(refused, Failed) and refused.code == "billing_not_configured"
        assert "payments are not set up here" in refused.text and "keeps working" in refused.text

        # Pro: overage is billed and shown, until the monthly spending cap ($1.00 of overage)
        async with store.session() as session, session.begin():
            await session.execute(update(UserRow).where(UserRow.id == user_id).values(plan="pro"))
        await store.record_usage([(user_id, None, "generations", 1_960, now)])  # 2 040 of 2 000
        events = await said(studio.message(CHAT, "/help"))  # any message: the alert follows the answer
        texts = [e.text for e in events if isinstance(e, Reply) and e.kind == "spending_alert"]
        assert texts == [
            "You've used all the generations your plan includes this month (2,040 of 2,000). "
            "More is billed as overage; /usage shows the estimated bill."
        ]
        report = (await said(studio.message(CHAT, "/usage")))[0]
        assert isinstance(report, UsageReport) and report.estimate_cents == 1_900 + 40 * 2
        assert "overage $0.80" in report.text and "Spending cap: $1.00" in report.text
        await store.record_usage([(user_id, None, "generations", 10, now)])  # overage now $1.00
        capped = (await said(studio.message(CHAT, "a bakery")))[-1]
        assert isinstance(capped, Failed) and capped.code == "spending_cap_reached"
        assert "$1.00 of $1.00" in capped.text


def test_the_plans_file_is_validated_and_names_the_bad_field(tmp_path: Path) -> None:
    plans = load_plans()
    assert list(plans.plans) == ["free", "pro", "business"]
    assert plans.next_plan("free").name == "pro" and plans.next_plan("business") is None  # type: ignore[union-attr]
    assert plans.plans["pro"].hard_limit("published_sites") and not plans.plans["pro"].hard_limit("generations")
    bad = tmp_path / "plans.toml"
    bad.write_text(Path(load_plans.__defaults__[0]).read_text().replace("price_cents = 1_900", "price_cents = -5"))  # type: ignore[index]
    with pytest.raises(PlansFileError, match=r"plans\.1\.price_cents"):
        load_plans(bad)
