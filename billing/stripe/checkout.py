"""Stripe customers (one per account, made on first need) and Checkout links for a plan."""

from __future__ import annotations

import stripe

from billing.accounts import Accounts
from billing.plans import Plan
from billing.stripe.client import StripeConfig, with_retries
from core.errors import BillingUnavailable


class StripeCheckout:
    def __init__(self, client: stripe.StripeClient, config: StripeConfig, accounts: Accounts) -> None:
        self.client = client
        self.config = config
        self.accounts = accounts

    async def customer_for(self, user_id: int) -> str:
        """The account's live customer, created now if it has none (or Stripe deleted it)."""
        row = await self.accounts.customer(user_id)
        if row is not None and row.deleted_at is None:
            return row.customer_id
        # Same key for the same account and predecessor: two chats asking at once, or a retry
        # after a lost answer, get one customer.
        key = f"pagemagic-customer-{user_id}-{row.customer_id if row is not None else 'first'}"
        params: dict[str, object] = {"metadata": {"pagemagic_user": str(user_id)}}
        try:
            customer = await with_retries(
                lambda: self.client.v1.customers.create_async(params, {"idempotency_key": key}),  # type: ignore[arg-type]
                self.config.retries, self.config.backoff, "create customer",
            )
        except stripe.StripeError as exc:
            raise BillingUnavailable(type(exc).__name__) from exc
        return await self.accounts.save_customer(user_id, customer.id)

    async def checkout_url(self, user_id: int, plan: Plan) -> str:
        """A Checkout page for ``plan``: its monthly price plus its metered overage prices."""
        customer = await self.customer_for(user_id)
        items: list[dict[str, object]] = [{"price": plan.stripe_price, "quantity": 1}]
        items += [{"price": o.stripe_price} for o in plan.overage.values() if o.stripe_price]
        metadata = {"pagemagic_user": str(user_id), "plan": plan.name}
        back = self.config.public_url.rstrip("/")
        params: dict[str, object] = {
            "mode": "subscription",
            "customer": customer,
            "client_reference_id": str(user_id),
            "line_items": items,
            "metadata": metadata,
            "subscription_data": {"metadata": metadata},
            "success_url": f"{back}/billing/done?session_id={{CHECKOUT_SESSION_ID}}",
            "cancel_url": f"{back}/billing/cancelled",
        }
        try:
            session = await with_retries(
                lambda: self.client.v1.checkout.sessions.create_async(params),  # type: ignore[arg-type]
                self.config.retries, self.config.backoff, "checkout session",
            )
        except stripe.InvalidRequestError as exc:
            if getattr(exc, "code", None) == "resource_missing" and getattr(exc, "param", "") == "customer":
                await self.accounts.customer_deleted(customer)  # deleted in Stripe: a new one next time
            raise BillingUnavailable(type(exc).__name__) from exc
        except stripe.StripeError as exc:
            raise BillingUnavailable(type(exc).__name__) from exc
        if not session.url:
            raise BillingUnavailable("checkout session without a url")
        return str(session.url)
