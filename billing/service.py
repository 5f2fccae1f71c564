"""``BillingPort`` for Studio: upgrade offers (Stripe Checkout) and spending alerts.

Without a Stripe key (the embedded default) usage is still recorded, shown and alerted on;
``/upgrade`` then says plans are not sold on this server.
"""

from __future__ import annotations

from billing.alerts import SpendingAlerts
from billing.plans import catalog
from billing.stripe.checkout import StripeCheckout
from billing.stripe.portal import portal_url
from core.errors import BillingNotConfigured
from core.ports import SpendingAlert, UpgradeOffer


class Billing:
    def __init__(self, alerts: SpendingAlerts, checkout: StripeCheckout | None) -> None:
        self.alerts = alerts
        self.checkout = checkout

    async def upgrade_offer(self, user_id: int, current_plan: str) -> UpgradeOffer | None:
        plans = catalog()
        target = plans.next_plan(current_plan)
        if target is None:
            return None
        if self.checkout is None or not target.stripe_price:
            raise BillingNotConfigured("no checkout or no Stripe price for " + target.name)
        url = await self.checkout.checkout_url(user_id, target)
        return UpgradeOffer(target.name, target.title, target.price_cents, plans.currency, url)

    async def due_alerts(self, user_id: int) -> list[SpendingAlert]:
        return await self.alerts.due(user_id)

    @property
    def payments(self) -> bool:
        return self.checkout is not None

    async def portal_url(self, user_id: int, return_url: str) -> str:
        if self.checkout is None:
            raise BillingNotConfigured("no Stripe key: no customer portal")
        return await portal_url(self.checkout, user_id, return_url)
