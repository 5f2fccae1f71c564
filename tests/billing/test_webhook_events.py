"""Every Stripe webhook branch through ``pagemagic serve``'s ``/stripe/webhook``, signed as Stripe
signs: subscriptions created, updated, deleted; payments failing and paid; customers deleted;
and events delivered late or out of order, as Stripe delivers them."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from billing.accounts import Accounts
from billing.plans import catalog
from billing.stripe.checkout import StripeCheckout
from billing.tables import BillingCustomerRow, BillingSubscriptionRow, PlanChangeRow
from bots.wiring import Runtime, runtime
from core.settings import Settings
from core.storage.records import ChatRef
from core.storage.tables import UserRow, utcnow
from tests.billing.conftest import client_for, config_for
from tests.standins.stripe_api import API_KEY, WEBHOOK_SECRET, StripeApiStandIn


@dataclass
class Paid:
    rt: Runtime
    api: StripeApiStandIn
    user_id: int
    customer: str
    subscription: str
    webhook: str

    async def deliver(self, kind: str, obj: dict[str, Any], age: int = 0) -> dict[str, Any]:
        """Stripe sends ``kind`` about ``obj``, an event created ``age`` seconds ago; its answer."""
        event = self.api.event(kind, obj, created=int(time.time()) - age)
        answer = await self.api.deliver(self.webhook, event)
        assert answer.status_code == 200, answer.text
        return answer.json()  # type: ignore[no-any-return]

    async def plan(self) -> str:
        async with self.rt.store.session() as session:
            return (await session.get(UserRow, self.user_id)).plan  # type: ignore[union-attr]

    async def record(self) -> BillingSubscriptionRow:
        async with self.rt.store.session() as session:
            row = await session.get(BillingSubscriptionRow, self.user_id)
        assert row is not None
        return row


@pytest.fixture
async def paid(
    settings_for: Callable[..., Settings], stripe_api: StripeApiStandIn
) -> AsyncIterator[Paid]:
    """An account on Pro through Checkout, its ``checkout.session.completed`` delivered to the app."""
    settings = settings_for(
        f"sqlite+aiosqlite:///{settings_for().home.parent / 'billing.db'}", stripe_api_key=API_KEY,
        stripe_webhook_secret=WEBHOOK_SECRET, stripe_api_base=stripe_api.url, stripe_meter_events_base=stripe_api.url,
    )
    async with runtime(settings) as rt:
        user_id = (await rt.store.conversation(ChatRef("console", "stripe-events", "u1", language="en"))).user_id
        checkout = StripeCheckout(client_for(config_for(stripe_api)), config_for(stripe_api), Accounts(rt.store))
        url = await checkout.checkout_url(user_id, catalog().plans["pro"])
        session, subscription = stripe_api.complete_checkout(url.rsplit("/", 1)[1])
        paid = Paid(rt, stripe_api, user_id, session["customer"], subscription["id"], rt.base_url + "/stripe/webhook")
        assert await paid.deliver("checkout.session.completed", session, age=60) == {"status": "processed"}
        assert await paid.plan() == "pro"
        yield paid


async def test_an_old_event_delivered_late_does_not_bring_back_a_cancelled_subscription(paid: Paid) -> None:
    """Issue 14, item 2: checkout (pro) -> deleted (now-10 s) -> an older updated, active (now-50 s)."""
    active = paid.api.update_subscription(paid.subscription)  # what Stripe said about it at the time
    cancelled = paid.api.cancel_subscription(paid.subscription)
    await paid.deliver("customer.subscription.deleted", cancelled, age=10)
    assert await paid.plan() == "free"
    await paid.deliver("customer.subscription.updated", active, age=50)
    assert await paid.plan() == "free"
    record = await paid.record()
    assert record.status == "canceled"
    # a retried checkout.session.completed from before the cancellation changes nothing either
    session = next(iter(paid.api.sessions.values()))
    await paid.deliver("checkout.session.completed", session, age=55)
    assert await paid.plan() == "free"


async def test_events_out_of_order_keep_the_newest_state(paid: Paid) -> None:
    business = paid.api.update_subscription(paid.subscription, price="price_pagemagic_business_monthly")
    await paid.deliver("customer.subscription.updated", business, age=5)
    assert await paid.plan() == "business"
    # the earlier downgrade to Pro arrives after the upgrade that followed it: ignored
    earlier = dict(business, items={"object": "list", "data": [{"id": "si_x", "price": {"id": "price_pagemagic_pro_monthly"}}]})
    await paid.deliver("customer.subscription.updated", earlier, age=30)
    assert await paid.plan() == "business"
    # an older payment failure does not put the newer, paid state into a grace period
    await paid.deliver("invoice.payment_failed", {"id": "in_old", "customer": paid.customer}, age=40)
    record = await paid.record()
    assert (record.status, record.grace_until) == ("active", None)


async def test_an_upgrade_delivered_after_its_invoice_still_applies(paid: Paid) -> None:
    """Stripe invoices an upgrade at once; the two events may arrive the other way round."""
    business = paid.api.update_subscription(paid.subscription, price="price_pagemagic_business_monthly")
    await paid.deliver("invoice.paid", {"id": "in_up", "customer": paid.customer, "subscription": paid.subscription},
                       age=10)
    await paid.deliver("customer.subscription.updated", business, age=11)
    assert await paid.plan() == "business"


async def test_subscription_created_and_updated_move_the_plan(paid: Paid) -> None:
    created = paid.api.update_subscription(paid.subscription, price="price_pagemagic_business_monthly")
    assert (await paid.deliver("customer.subscription.created", created, age=20)) == {"status": "processed"}
    assert await paid.plan() == "business"
    downgraded = paid.api.update_subscription(paid.subscription, price="price_pagemagic_pro_monthly")
    await paid.deliver("customer.subscription.updated", downgraded, age=10)
    assert await paid.plan() == "pro"
    async with paid.rt.store.session() as session:
        reasons = (await session.scalars(select(PlanChangeRow.reason).order_by(PlanChangeRow.id))).all()
    assert list(reasons) == ["checkout completed", "subscription active", "subscription active"]


async def test_subscription_deleted_moves_the_account_to_free(paid: Paid) -> None:
    await paid.deliver("customer.subscription.deleted", paid.api.cancel_subscription(paid.subscription))
    assert await paid.plan() == "free"
    assert (await paid.record()).status == "canceled"


async def test_a_past_due_subscription_keeps_its_plan_through_grace_and_invoice_paid_ends_it(paid: Paid) -> None:
    past_due = paid.api.update_subscription(paid.subscription, status="past_due")
    await paid.deliver("customer.subscription.updated", past_due, age=30)
    record = await paid.record()
    assert await paid.plan() == "pro" and record.status == "past_due" and record.grace_until is not None
    await paid.deliver("invoice.paid", {"id": "in_1", "customer": paid.customer, "subscription": paid.subscription},
                       age=20)
    record = await paid.record()
    assert (record.status, record.grace_until) == ("active", None)
    # long after the grace period would have ended: still Pro
    assert paid.rt.billing is not None and paid.rt.billing.job is not None
    later = utcnow() + timedelta(days=paid.rt.settings.billing_grace_days, hours=1)
    assert (await paid.rt.billing.job.run_once(later)).downgraded == 0
    assert await paid.plan() == "pro"


async def test_invoice_payment_failed_then_the_grace_period_ends_on_free(paid: Paid) -> None:
    await paid.deliver("invoice.payment_failed", {"id": "in_2", "customer": paid.customer}, age=5)
    record = await paid.record()
    assert record.status == "past_due" and record.grace_until is not None
    assert paid.rt.billing is not None and paid.rt.billing.job is not None
    assert (await paid.rt.billing.job.run_once(record.grace_until - timedelta(minutes=1))).downgraded == 0
    assert (await paid.rt.billing.job.run_once(record.grace_until + timedelta(minutes=1))).downgraded == 1
    assert await paid.plan() == "free"


async def test_customer_deleted_marks_the_customer_gone(paid: Paid) -> None:
    paid.api.delete_customer(paid.customer)
    await paid.deliver("customer.deleted", {"id": paid.customer, "object": "customer", "deleted": True})
    async with paid.rt.store.session() as session:
        row = await session.scalar(select(BillingCustomerRow).where(BillingCustomerRow.user_id == paid.user_id))
    assert row is not None and row.deleted_at is not None
    # another account's customer id, or one nobody has: 200 (Stripe must stop retrying), nothing changes
    answer = await paid.deliver("customer.deleted", {"id": "cus_unknown", "object": "customer", "deleted": True})
    assert answer == {"status": "processed"}


async def test_a_stale_or_forged_signature_is_refused(paid: Paid) -> None:
    event = paid.api.event("customer.subscription.deleted", paid.api.cancel_subscription(paid.subscription))
    payload = __import__("json").dumps(event).encode()
    import httpx

    async with httpx.AsyncClient(timeout=60) as client:
        stale = await client.post(paid.webhook, content=payload, headers={
            "Content-Type": "application/json", "Stripe-Signature": paid.api.sign(payload, at=int(time.time()) - 301)})
        forged = await client.post(paid.webhook, content=payload, headers={
            "Content-Type": "application/json", "Stripe-Signature": paid.api.sign(payload, secret="whsec_wrong")})
    assert (stale.status_code, forged.status_code) == (400, 400)
    assert await paid.plan() == "pro"
