"""The Stripe stand-in refuses (or does) what Stripe does: each rule shown by a wrong call, made with
the real ``stripe`` SDK, that fails the way it fails against Stripe."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
import stripe

from billing.stripe.client import StripeConfig, http_client, make_client
from tests.clock import FakeClock
from tests.standins.stripe_api import API_KEY, StripeApiStandIn


@pytest.fixture
async def stripe_sdk(clock: FakeClock) -> AsyncIterator[tuple[StripeApiStandIn, stripe.StripeClient]]:
    api = StripeApiStandIn(clock=clock.time)
    await api.start()
    config = StripeConfig(api_key=API_KEY, api_base=api.url, meter_events_base=api.url, retries=0)
    http = http_client(config)
    try:
        yield api, make_client(config, http)
    finally:
        await http.close_async()
        await api.stop()


def customer(api: StripeApiStandIn) -> str:
    return next(iter(api.customers)) if api.customers else api.add_customer()


def meter_event(api: StripeApiStandIn, clock: FakeClock, **overrides: object) -> dict[str, object]:
    params: dict[str, object] = {
        "event_name": "pagemagic_generations", "timestamp": int(clock.time()),
        "payload": {"stripe_customer_id": customer(api), "value": "3"},
    }
    params.update(overrides)
    return {k: v for k, v in params.items() if v is not None}


async def test_a_meter_event_without_identifier_gets_a_new_one_each_time_so_a_resend_counts_twice(
    stripe_sdk: tuple[StripeApiStandIn, stripe.StripeClient], clock: FakeClock
) -> None:
    """Stripe generates an identifier when none is sent: only the identifier dedupes for good."""
    api, client = stripe_sdk
    events = client.v1.billing.meter_events
    first = await events.create_async(meter_event(api, clock), {"idempotency_key": "k-1"})  # type: ignore[arg-type]
    assert first.identifier  # made up by "Stripe"
    clock.advance(timedelta(hours=25))  # the key is forgotten; the answer was lost; the sender resends
    await events.create_async(meter_event(api, clock, timestamp=int(clock.time()) - 3600), {"idempotency_key": "k-2"})  # type: ignore[arg-type]
    assert api.totals() == {(customer(api), "pagemagic_generations"): 6}  # counted twice
    # with an identifier, the resend is refused as Stripe refuses it
    await events.create_async(meter_event(api, clock, identifier="pm_1"))  # type: ignore[arg-type]
    with pytest.raises(stripe.InvalidRequestError) as refused:
        await events.create_async(meter_event(api, clock, identifier="pm_1"))  # type: ignore[arg-type]
    assert (refused.value.code, refused.value.param) == ("resource_already_exists", "identifier")


async def test_an_idempotency_key_replays_the_same_request_and_refuses_another(
    stripe_sdk: tuple[StripeApiStandIn, stripe.StripeClient], clock: FakeClock
) -> None:
    api, client = stripe_sdk
    events = client.v1.billing.meter_events
    params = meter_event(api, clock, identifier="pm_2")
    first = await events.create_async(params, {"idempotency_key": "key-2"})  # type: ignore[arg-type]
    again = await events.create_async(params, {"idempotency_key": "key-2"})  # type: ignore[arg-type]
    assert again.to_dict() == first.to_dict() and api.duplicates == 1
    assert api.calls[-1].status == 200  # the first answer, replayed (not a refusal)
    other = meter_event(api, clock, identifier="pm_3")
    with pytest.raises(stripe.IdempotencyError, match="same parameters they were first used with"):
        await events.create_async(other, {"idempotency_key": "key-2"})  # type: ignore[arg-type]
    assert "pm_3" not in api.meter_events
    clock.advance(timedelta(hours=24, seconds=1))  # Stripe forgets the key: the request runs again
    with pytest.raises(stripe.InvalidRequestError) as refused:
        await events.create_async(params, {"idempotency_key": "key-2"})  # type: ignore[arg-type]
    assert refused.value.code == "resource_already_exists"


async def test_a_meter_event_without_event_name_is_a_400_and_an_unknown_one_is_never_counted(
    stripe_sdk: tuple[StripeApiStandIn, stripe.StripeClient], clock: FakeClock
) -> None:
    api, client = stripe_sdk
    events = client.v1.billing.meter_events
    with pytest.raises(stripe.InvalidRequestError) as missing:
        await events.create_async(meter_event(api, clock, event_name=None))  # type: ignore[arg-type]
    assert (missing.value.http_status, missing.value.code, missing.value.param) == (
        400, "parameter_missing", "event_name")
    # Stripe takes an event no meter listens to, counts it nowhere and reports it later
    await events.create_async(meter_event(api, clock, event_name="pagemagic_typo", identifier="pm_4"))  # type: ignore[arg-type]
    assert api.totals() == {} and [e["event_name"] for e in api.no_meter_found] == ["pagemagic_typo"]
    with pytest.raises(stripe.InvalidRequestError) as stream_missing:
        session = await client.v2.billing.meter_event_session.create_async()
        await client.v2.billing.meter_event_stream.create_async(
            {"events": [{"identifier": "pm_5", "payload": {"stripe_customer_id": customer(api), "value": "1"}}]},  # type: ignore[typeddict-item]
            {"api_key": session.authentication_token},  # type: ignore[typeddict-item]
        )
    assert stream_missing.value.http_status == 400 and "events[0].event_name" in str(stream_missing.value)
