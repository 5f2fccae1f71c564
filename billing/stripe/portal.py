"""Stripe's customer portal: a short-lived session link where the customer sees invoices and
changes the payment method (Stripe hosts it; no card detail passes through us)."""

from __future__ import annotations

import stripe

from billing.stripe.checkout import StripeCheckout
from billing.stripe.client import with_retries
from core.errors import BillingUnavailable


async def portal_url(checkout: StripeCheckout, user_id: int, return_url: str) -> str:
    """A portal session for the account's customer (made now if it has none), back to ``return_url``."""
    customer = await checkout.customer_for(user_id)
    params: dict[str, object] = {"customer": customer, "return_url": return_url}
    try:
        session = await with_retries(
            lambda: checkout.client.v1.billing_portal.sessions.create_async(params),  # type: ignore[arg-type]
            checkout.config.retries, checkout.config.backoff, "portal session",
        )
    except stripe.InvalidRequestError as exc:
        if getattr(exc, "code", None) == "resource_missing" and getattr(exc, "param", "") == "customer":
            await checkout.accounts.customer_deleted(customer)  # deleted in Stripe: a new one next time
        raise BillingUnavailable(type(exc).__name__) from exc
    except stripe.StripeError as exc:
        raise BillingUnavailable(type(exc).__name__) from exc
    return str(session.url)
