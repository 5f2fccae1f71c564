"""``AccountBillingPort``: what merging and deleting accounts do to Stripe customers and subscriptions.

Merging: one customer and one subscription survive, the higher plan's (the kept account's on
a tie); the other subscription is cancelled *at the end of its period* (``cancel_at_period_end``),
so the period already paid for is used and nothing is charged twice. Its customer row leaves
our tables, so the webhooks that follow (updated, then deleted at period end) find no account
and change nothing. Usage already in the meter outbox keeps the customer it was written for.

Deleting: the subscription is cancelled at period end; the customer id is handed back for the
deletion record (invoices stay in Stripe, as tax law asks).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import stripe
from sqlalchemy import delete, update

from billing.accounts import LIVE_STATUSES, Accounts
from billing.plans import catalog
from billing.stripe.client import StripeConfig, with_retries
from billing.tables import BillingCustomerRow, BillingSubscriptionRow
from core.errors import BillingUnavailable
from core.ports import BillingMerge, Invoice, SubscriptionState

log = logging.getLogger(__name__)


class AccountBilling:
    def __init__(self, accounts: Accounts, client: stripe.StripeClient | None, config: StripeConfig | None) -> None:
        self.accounts = accounts
        self.client = client
        self.config = config

    def higher_plan(self, one: str, other: str) -> str:
        order = list(catalog().plans)
        rank = {name: i for i, name in enumerate(order)}
        return one if rank.get(one, -1) >= rank.get(other, -1) else other

    async def _subscription_row(self, user_id: int) -> BillingSubscriptionRow | None:
        async with self.accounts.store.session() as session:
            row = await session.get(BillingSubscriptionRow, user_id)
        return row if row is not None and row.status in LIVE_STATUSES else None

    async def subscription(self, user_id: int) -> SubscriptionState | None:
        row = await self._subscription_row(user_id)
        return SubscriptionState(row.plan, row.status) if row is not None else None

    async def merge(self, keep: int, other: int) -> BillingMerge:
        kept_sub, other_sub = await self._subscription_row(keep), await self._subscription_row(other)
        kept_plan = kept_sub.plan if kept_sub else "free"
        other_plan = other_sub.plan if other_sub else "free"
        winner = keep
        if other_sub is not None and (kept_sub is None or self.higher_plan(kept_plan, other_plan) != kept_plan):
            winner = other
        loser_sub = other_sub if winner == keep else kept_sub
        ended = None
        if loser_sub is not None:
            ended = await self._cancel_at_period_end(loser_sub.subscription_id)
        async with self.accounts.store.session() as session, session.begin():
            for table in (BillingSubscriptionRow, BillingCustomerRow):
                mine, theirs = await session.get(table, keep), await session.get(table, other)
                if theirs is None:
                    continue
                if winner == other or mine is None:  # the other account's customer (and subscription) move over
                    if mine is not None:
                        await session.delete(mine)
                        await session.flush()
                    await session.execute(update(table).where(table.user_id == other).values(user_id=keep))
                else:
                    await session.execute(delete(table).where(table.user_id == other))
        return BillingMerge(
            plan=self.higher_plan(kept_plan, other_plan),
            ended_plan=loser_sub.plan if loser_sub is not None else None,
            ends_at=ended,
        )

    async def leave(self, user_id: int) -> tuple[str, datetime | None]:
        sub = await self._subscription_row(user_id)
        ends = await self._cancel_at_period_end(sub.subscription_id) if sub is not None else None
        customer = await self.accounts.customer(user_id)
        return (customer.customer_id if customer is not None else ""), ends

    async def invoices(self, user_id: int) -> list[Invoice]:
        customer = await self.accounts.customer(user_id)
        if customer is None or self.client is None or self.config is None:
            return []
        client, config = self.client, self.config
        params: dict[str, Any] = {"customer": customer.customer_id, "limit": 100}
        try:
            found = await with_retries(
                lambda: client.v1.invoices.list_async(params),  # type: ignore[arg-type]
                config.retries, config.backoff, "list invoices",
            )
        except stripe.StripeError as exc:
            raise BillingUnavailable(type(exc).__name__) from exc
        return [
            Invoice(
                number=str(i.get("number") or i.get("id")), status=str(i.get("status") or ""),
                amount_cents=int(i.get("amount_due") or 0), currency=str(i.get("currency") or "usd"),
                created=datetime.fromtimestamp(int(i.get("created") or 0), UTC),
                url=str(i.get("hosted_invoice_url") or ""),
            )
            for i in (item.to_dict() for item in found.data)
        ]

    async def _cancel_at_period_end(self, subscription_id: str) -> datetime | None:
        """Stop the subscription renewing; it serves until its period ends. Without Stripe: nothing to do."""
        if self.client is None or self.config is None:
            return None
        client, config = self.client, self.config
        params: dict[str, Any] = {"cancel_at_period_end": True}
        try:
            sub = await with_retries(
                lambda: client.v1.subscriptions.update_async(subscription_id, params),  # type: ignore[arg-type]
                config.retries, config.backoff, "cancel at period end",
            )
        except stripe.StripeError as exc:
            raise BillingUnavailable(type(exc).__name__) from exc
        fields: dict[str, Any] = sub.to_dict()
        end = fields.get("current_period_end")
        if end is None:  # newer API versions keep the period on each item
            items = (fields.get("items") or {}).get("data") or []
            end = items[0].get("current_period_end") if items else None
        log.info("subscription %s cancelled at period end", subscription_id)
        return datetime.fromtimestamp(int(end), UTC) if end else None
