"""Merging two paying accounts through the real Stripe SDK on the stand-in: one customer and the
higher plan's subscription are kept, the other subscription ends at period end (said first), and
the webhooks that follow change nothing. Deleting an account cancels at period end too."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime

from sqlalchemy import select

from billing.account_billing import AccountBilling
from billing.accounts import Accounts
from billing.tables import BillingCustomerRow, BillingSubscriptionRow
from core.accounts.sealing import Sealer
from core.accounts.service import AccountService
from core.events import Confirm, Reply
from core.storage.records import ChatRef
from core.storage.store import Store
from core.studio.account_flow import AccountFlow
from tests.billing.conftest import client_for, config_for, paid_account, webhook_handler
from tests.standins.stripe_api import StripeApiStandIn


def service(store: Store, api: StripeApiStandIn) -> AccountService:
    billing = AccountBilling(Accounts(store), client_for(config_for(api)), config_for(api))
    return AccountService(store, Sealer(secrets.token_bytes(32)), billing=billing)


async def test_merge_keeps_the_higher_plan_subscription_and_ends_the_other_at_period_end(
    store: Store, stripe_api: StripeApiStandIn
) -> None:
    pro_user, pro_customer = await paid_account(store, stripe_api, "c1", "pro")
    biz_user, biz_customer = await paid_account(store, stripe_api, "c2", "business")
    pro_sub = next(s for s in stripe_api.subscriptions.values() if s["customer"] == pro_customer)
    accounts = service(store, stripe_api)
    flow = AccountFlow(store, accounts)

    # /link in the pro account's chat, the code typed in the business account's chat
    code = await accounts.codes.issue(pro_user)
    chat = ChatRef("console", "c2", "u-c2", language="en")
    conversation = await store.conversation(chat)
    asked = [e async for e in flow.handle("link", code, conversation, chat, "en")]
    assert isinstance(asked[0], Confirm)
    assert "business one is kept" in asked[0].text and "pro one is cancelled at the end of the period" in asked[0].text
    assert not pro_sub["cancel_at_period_end"]  # nothing happens before the press
    done = [e async for e in flow.handle("link", asked[0].command.removeprefix("/link "), conversation, chat, "en")]
    assert isinstance(done[0], Reply) and "plan business" in done[0].text
    ends = datetime.fromtimestamp(pro_sub["current_period_end"], UTC)
    assert "will not renew" in done[0].text

    assert pro_sub["cancel_at_period_end"] is True
    assert all(not s["cancel_at_period_end"] for s in stripe_api.subscriptions.values() if s["customer"] == biz_customer)
    async with store.session() as session:
        customers = {r.user_id: r.customer_id for r in await session.scalars(select(BillingCustomerRow))}
        subscriptions = {r.user_id: r.customer_id for r in await session.scalars(select(BillingSubscriptionRow))}
    assert customers == {pro_user: biz_customer} and subscriptions == {pro_user: biz_customer}
    assert (await accounts.directory.account(pro_user)).plan == "business"  # type: ignore[union-attr]
    assert await accounts.directory.account(biz_user) is None
    trail = await accounts.audit.for_user(pro_user)
    assert any(r.action == "merge" and f"pro subscription ends {ends.date()}" in r.detail for r in trail)

    # Stripe then reports the cancelled subscription: updated now, deleted at period end; the plan stays
    handler = webhook_handler(Accounts(store), stripe_api)
    for kind in ("customer.subscription.updated", "customer.subscription.deleted"):
        payload = json.dumps(stripe_api.event(kind, {**pro_sub, "status": "canceled"})).encode()
        assert (await handler.receive(payload, stripe_api.sign(payload))).changed == ()
    assert (await accounts.directory.account(pro_user)).plan == "business"  # type: ignore[union-attr]


async def test_leaving_cancels_at_period_end_and_keeps_the_customer_id(store: Store, stripe_api: StripeApiStandIn) -> None:
    user, customer = await paid_account(store, stripe_api, "c1", "pro")
    billing = AccountBilling(Accounts(store), client_for(config_for(stripe_api)), config_for(stripe_api))
    stripe_api.add_invoice(customer, 1900)
    invoices = await billing.invoices(user)
    assert [(i.number, i.amount_cents) for i in invoices] == [("PM-0001", 1900)]
    kept, ends = await billing.leave(user)
    assert kept == customer and ends is not None
    assert all(s["cancel_at_period_end"] for s in stripe_api.subscriptions.values() if s["customer"] == customer)
