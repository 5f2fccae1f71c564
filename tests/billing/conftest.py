"""Billing fixtures: the Stripe stand-in, and an account with a paid subscription."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest
import stripe

from billing.accounts import Accounts
from billing.plans import catalog
from billing.stripe.checkout import StripeCheckout
from billing.stripe.client import StripeConfig, http_client, make_client
from billing.stripe.webhooks import WebhookHandler
from core.storage.records import ChatRef
from core.storage.store import Store
from tests.standins.stripe_api import API_KEY, WEBHOOK_SECRET, StripeApiStandIn


@pytest.fixture
def stripe_clock() -> Callable[[], float]:
    """Stripe's "now"; the wall clock for tests that run the whole app, which reads it too.
    Tests of date arithmetic override this fixture with a ``FakeClock``'s ``time``."""
    return time.time


@pytest.fixture
async def stripe_api(stripe_clock: Callable[[], float]) -> AsyncIterator[StripeApiStandIn]:
    api = StripeApiStandIn(clock=stripe_clock)
    await api.start()
    try:
        yield api
    finally:
        for http in _HTTP:
            await http.close_async()
        _HTTP.clear()
        await api.stop()


_HTTP: list[stripe.HTTPXClient] = []


def client_for(config: StripeConfig) -> stripe.StripeClient:
    """A real SDK client on the stand-in; closed when the stand-in stops."""
    http = http_client(config)
    _HTTP.append(http)
    return make_client(config, http)


def config_for(api: StripeApiStandIn, **overrides: object) -> StripeConfig:
    values: dict[str, object] = {
        "api_key": API_KEY, "webhook_secret": WEBHOOK_SECRET, "api_base": api.url, "meter_events_base": api.url,
        "retries": 3, "backoff": 0.01,
    }
    values.update(overrides)
    return StripeConfig(**values)  # type: ignore[arg-type]


def webhook_handler(accounts: Accounts, api: StripeApiStandIn) -> WebhookHandler:
    """The app's webhook handler, on the same clock as the stand-in that signs the events."""
    return WebhookHandler(accounts, catalog, WEBHOOK_SECRET, timedelta(days=7),
                          clock=lambda: datetime.fromtimestamp(api.clock(), UTC))


async def paid_account(store: Store, api: StripeApiStandIn, chat_id: str = "c1", plan: str = "pro") -> tuple[int, str]:
    """An account that went through Checkout for ``plan``: (user id, Stripe customer id)."""
    conversation = await store.conversation(ChatRef("console", chat_id, f"u-{chat_id}", language="en"))
    accounts = Accounts(store)
    checkout = StripeCheckout(client_for(config_for(api)), config_for(api), accounts)
    url = await checkout.checkout_url(conversation.user_id, catalog().plans[plan])
    session, _sub = api.complete_checkout(url.rsplit("/", 1)[1])
    handler = webhook_handler(accounts, api)
    payload = __import__("json").dumps(api.event("checkout.session.completed", session)).encode()
    outcome = await handler.receive(payload, api.sign(payload))
    assert outcome.status == 200 and outcome.changed == ((conversation.user_id, plan),)
    return conversation.user_id, session["customer"]
