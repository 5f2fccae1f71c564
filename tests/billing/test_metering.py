"""Usage -> meter outbox -> Stripe meter events: exact totals, never twice, nothing lost."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest

from billing.accounts import Accounts
from billing.job import BillingJob
from billing.outbox import MeterOutbox
from billing.plans import METERS
from billing.stripe.meters import MeterSender
from core.storage.store import Store
from tests.billing.conftest import client_for, config_for, paid_account
from tests.standins.stripe_api import StripeApiStandIn


def job_for(store: Store, api: StripeApiStandIn, **config: object) -> BillingJob:
    cfg = config_for(api, **config)
    return BillingJob(Accounts(store), MeterOutbox(store, lambda: METERS), MeterSender(client_for(cfg), cfg))


async def add_usage(store: Store, user_id: int, rows: list[tuple[str, int, datetime]]) -> None:
    await store.record_usage([(user_id, None, metric, quantity, when) for metric, quantity, when in rows])


async def test_usage_reaches_stripe_exactly_once_across_a_crash_and_429s(
    store: Store, stripe_api: StripeApiStandIn
) -> None:
    user_id, customer = await paid_account(store, stripe_api)
    now = datetime.now(UTC)
    hour_ago = now - timedelta(hours=1)
    await add_usage(store, user_id, [
        ("generations", 3, hour_ago), ("generations", 2, now), ("tokens", 12_345, now),
        ("requests", 1_000, hour_ago), ("requests", 234, now), ("sections", 9, now),  # sections: not metered
    ])
    job = job_for(store, stripe_api)

    # crash between Stripe accepting and our marking: send, then "die" before mark_sent
    assert await job.outbox.collect() == 5
    due = await job.outbox.due()
    first = await job.sender.send(due)
    assert sorted(first.sent) == sorted(r.id for r in due)
    # the restarted job sends the same reports again: same identifiers, Stripe keeps one of each
    stripe_api.failures = [429, 500]  # and Stripe is busy for a moment: retried with backoff
    report = await job.run_once()
    assert report.sent == len(due) and report.postponed == 0
    assert stripe_api.duplicates == len(due)
    expected = {
        (customer, "pagemagic_generations"): 5, (customer, "pagemagic_tokens"): 12_345,
        (customer, "pagemagic_requests"): 1_234,
    }
    assert stripe_api.totals() == expected
    assert await job.outbox.states() == {"sent": len(due)}

    # more usage later: only the new rows are reported
    await add_usage(store, user_id, [("generations", 1, datetime.now(UTC))])
    report = await job.run_once()
    assert (report.taken, report.sent) == (1, 1)
    expected[(customer, "pagemagic_generations")] = 6
    assert stripe_api.totals() == expected
    assert (await job.run_once()).sent == 0
    # every timestamp is inside Stripe's accepted window, every identifier deterministic and unique
    assert all(now.timestamp() - 35 * 86400 < e["timestamp"] <= now.timestamp() + 300
               for e in stripe_api.meter_events.values())


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_stripe_unreachable_keeps_usage_and_reports_it_later(store: Store, stripe_api: StripeApiStandIn) -> None:
    user_id, customer = await paid_account(store, stripe_api)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    offline = job_for(store, stripe_api, api_base=dead, retries=1)
    await add_usage(store, user_id, [("generations", 4, datetime.now(UTC))])
    report = await offline.run_once()
    assert (report.taken, report.sent, report.postponed) == (1, 0, 1)
    await add_usage(store, user_id, [("generations", 3, datetime.now(UTC))])  # usage keeps accruing
    assert (await offline.run_once()).taken == 1
    assert stripe_api.meter_events == {}

    online = job_for(store, stripe_api)
    report = await online.run_once(datetime.now(UTC) + timedelta(minutes=5))  # after the backoff
    assert report.sent == 2
    assert stripe_api.totals() == {(customer, "pagemagic_generations"): 7}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_customer_deleted_in_stripe_is_reported_once_and_usage_kept(
    store: Store, stripe_api: StripeApiStandIn
) -> None:
    user_id, customer = await paid_account(store, stripe_api)
    stripe_api.delete_customer(customer)
    await add_usage(store, user_id, [("generations", 4, datetime.now(UTC)), ("tokens", 900, datetime.now(UTC))])
    job = job_for(store, stripe_api)
    report = await job.run_once()
    assert (report.sent, report.rejected) == (0, 2)
    assert (await Accounts(store).customer(user_id)).deleted_at is not None  # type: ignore[union-attr]
    calls = len(stripe_api.calls)
    await add_usage(store, user_id, [("generations", 1, datetime.now(UTC))])
    assert await job.run_once() == type(report)()  # nothing more sent for a customer that is gone
    assert len(stripe_api.calls) == calls
    now = datetime.now(UTC)
    totals = await store.usage_totals(user_id, now - timedelta(days=1), now + timedelta(days=1))
    assert totals == {"generations": 5, "tokens": 900}  # the account keeps its usage


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_v2_meter_event_streams_send_batches_once(store: Store, stripe_api: StripeApiStandIn) -> None:
    users = [await paid_account(store, stripe_api, chat_id=f"c{i}") for i in range(3)]
    now = datetime.now(UTC)
    for user_id, _ in users:
        await add_usage(store, user_id, [("requests", 100 * user_id, now - timedelta(hours=h)) for h in range(80)])
    job = job_for(store, stripe_api, streams=True)
    await job.outbox.collect()
    due = await job.outbox.due()
    assert len(due) == 240
    await job.sender.send(due)  # accepted, then a crash before marking
    stripe_api.stream_tokens.clear()  # and the session token expired meanwhile
    report = await job.run_once()
    assert report.sent == 240 and stripe_api.duplicates == 240
    assert len(stripe_api.called("/v2/billing/meter_event_session")) == 2
    assert len([c for c in stripe_api.called("/v2/billing/meter_event_stream") if c.status == 200]) == 6
    assert stripe_api.totals() == {(c, "pagemagic_requests"): 100 * u * 80 for u, c in users}
