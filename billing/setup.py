"""Billing built from settings: the port Studio uses, the billing job and the webhook route.

The one place in billing/ that reads ``Settings``; bots/wiring.py and bots/worker.py call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import stripe
from redis.asyncio import Redis
from starlette.routing import BaseRoute

from billing.account_billing import AccountBilling
from billing.accounts import Accounts, PlanListener
from billing.alerts import SpendingAlerts
from billing.edge_limits import EdgeLimits
from billing.job import BillingJob
from billing.outbox import MeterOutbox
from billing.plans import METERS, catalog, load_plans, use_plans
from billing.quotas import PlanQuotas
from billing.service import Billing
from billing.stripe.checkout import StripeCheckout
from billing.stripe.client import StripeConfig, http_client, make_client
from billing.stripe.meters import MeterSender
from billing.stripe.webhooks import WebhookHandler, webhook_route
from core.settings import Settings
from core.storage.store import Store


@dataclass
class BillingParts:
    billing: Billing
    accounts: Accounts
    job: BillingJob | None  # None without a Stripe key: nothing to report to
    route: BaseRoute | None  # /stripe/webhook, when a key and a signing secret are set
    http: stripe.HTTPXClient | None = None
    account_billing: AccountBilling | None = None  # what account merges and deletions do to billing

    async def aclose(self) -> None:
        if self.http is not None:
            await self.http.close_async()  # type: ignore[no-untyped-call]


def load_configured_plans(settings: Settings) -> None:
    """Use the operator's plans file, if one is set (a bad file stops start-up, naming the field)."""
    if settings.billing_plans_file is not None:
        use_plans(load_plans(settings.billing_plans_file))


def stripe_config(settings: Settings, public_url: str) -> StripeConfig | None:
    if settings.stripe_api_key is None:
        return None
    secret = settings.stripe_webhook_secret.get_secret_value() if settings.stripe_webhook_secret else ""
    return StripeConfig(
        api_key=settings.stripe_api_key.get_secret_value(),
        webhook_secret=secret,
        api_base=settings.stripe_api_base,
        meter_events_base=settings.stripe_meter_events_base,
        streams=settings.stripe_meter_streams,
        public_url=public_url,
    )


def edge_listener(redis: Redis) -> PlanListener:
    limits = EdgeLimits(redis)

    async def follow(_user_id: int, plan: str, slugs: list[str]) -> None:
        await limits.set_owner_plan(slugs, plan)

    return follow


def build_billing(
    settings: Settings, store: Store, quotas: PlanQuotas, redis: Redis | None, public_url: str
) -> BillingParts:
    load_configured_plans(settings)
    accounts = Accounts(store, [edge_listener(redis)] if redis is not None else [])
    config = stripe_config(settings, public_url)
    alerts = SpendingAlerts(store, quotas)
    if config is None:
        return BillingParts(Billing(alerts, None), accounts, None, None, account_billing=AccountBilling(accounts, None, None))
    http = http_client(config)
    client = make_client(config, http)
    job = BillingJob(accounts, MeterOutbox(store, lambda: METERS), MeterSender(client, config))
    route = None
    if config.webhook_secret:
        handler = WebhookHandler(accounts, catalog, config.webhook_secret, timedelta(days=settings.billing_grace_days))
        route = webhook_route(handler)
    return BillingParts(
        Billing(alerts, StripeCheckout(client, config, accounts)), accounts, job, route, http,
        account_billing=AccountBilling(accounts, client, config),
    )
