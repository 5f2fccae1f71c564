"""A signed ``/stripe/webhook`` body that is not an event as Stripe documents one is a 400 and a
warning, and changes nothing. (Found by tests/bots/test_serve_fuzz.py: ``"data": {"object": null}``
raised AttributeError in the handler, a 500 with a traceback.)"""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from billing.accounts import Accounts
from billing.plans import catalog
from billing.stripe.webhooks import WebhookHandler
from billing.tables import StripeEventRow
from core.storage.store import Store
from tests.standins.stripe_api import WEBHOOK_SECRET, StripeApiStandIn

NOT_EVENTS: list[Any] = [
    {"id": "evt_1", "type": "checkout.session.completed", "data": {"object": None}},
    {"id": "evt_2", "type": "customer.subscription.updated", "data": {"object": [1, 2]}},
    {"id": "evt_3", "type": "invoice.paid", "data": {"object": "in_1"}},
    {"id": ["evt_4"], "type": "customer.deleted", "data": {"object": {"id": "cus_1"}}},
    {"id": "evt_5", "type": 5, "data": {"object": {}}},
]


@pytest.mark.parametrize("event", NOT_EVENTS, ids=[str(i) for i in range(len(NOT_EVENTS))])
async def test_a_signed_body_that_is_not_an_event_is_refused_without_an_error(
    store: Store, caplog: pytest.LogCaptureFixture, event: Any
) -> None:
    caplog.set_level(logging.INFO)
    api = StripeApiStandIn()  # for its signature, as Stripe computes it; not started
    handler = WebhookHandler(Accounts(store), catalog, WEBHOOK_SECRET, timedelta(days=7))
    payload = json.dumps(event).encode()
    outcome = await handler.receive(payload, api.sign(payload))
    assert (outcome.status, outcome.changed) == (400, ())
    async with store.session() as session:
        assert await session.scalar(select(func.count()).select_from(StripeEventRow)) == 0
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
