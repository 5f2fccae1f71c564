"""Billing periods at a month's edge: usage counts in the month (UTC) it happened in, quotas and
spending alerts start afresh on the 1st, whatever the date the suite runs on or its time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from billing.alerts import SpendingAlerts
from billing.plans import billing_period
from billing.quotas import PlanQuotas
from billing.usage import StoreUsageMeter
from core.errors import QuotaExceeded
from core.storage.records import ChatRef
from core.storage.store import Store
from tests.clock import FakeClock

NEW_YEAR = datetime(2027, 1, 1, tzinfo=UTC)


def test_the_period_is_the_utc_month_whatever_zone_now_is_given_in() -> None:
    kiritimati, adak = timezone(timedelta(hours=14)), timezone(timedelta(hours=-10))
    assert billing_period(datetime(2027, 1, 1, 13, 59, tzinfo=kiritimati)) == (  # 23:59 UTC on 31 December
        datetime(2026, 12, 1, tzinfo=UTC), NEW_YEAR)
    assert billing_period(datetime(2026, 12, 31, 14, 0, tzinfo=adak)) == (  # 00:00 UTC on 1 January
        NEW_YEAR, datetime(2027, 2, 1, tzinfo=UTC))
    assert billing_period(datetime(2028, 2, 29, 12, 0, tzinfo=UTC)) == (
        datetime(2028, 2, 1, tzinfo=UTC), datetime(2028, 3, 1, tzinfo=UTC))


async def test_a_quota_used_up_on_the_31st_is_fresh_on_the_1st(store: Store, clock: FakeClock) -> None:
    user_id = (await store.conversation(ChatRef("console", "period", "u1", language="en"))).user_id
    quotas = PlanQuotas(store, StoreUsageMeter(store), clock=clock.now)
    alerts = SpendingAlerts(store, quotas)
    clock.set(NEW_YEAR - timedelta(minutes=1))
    await store.record_usage([(user_id, None, "generations", 100, clock.now() - timedelta(seconds=30))])
    with pytest.raises(QuotaExceeded) as refused:
        await quotas.check(user_id, "generations")
    assert (refused.value.params["used"], refused.value.params["limit"]) == (100, 100)
    assert [a.threshold for a in await alerts.due(user_id)] == [100]
    assert await alerts.due(user_id) == []  # once per period

    clock.advance(timedelta(minutes=2))  # 00:01 UTC on 1 January
    await quotas.check(user_id, "generations")  # December's use is December's
    summary = await quotas.summary(user_id)
    assert (summary.period_start, summary.period_end) == (NEW_YEAR, datetime(2027, 2, 1, tzinfo=UTC))
    assert next(m for m in summary.metrics if m.metric == "generations").used == 0
    await store.record_usage([(user_id, None, "generations", 80, clock.now())])
    assert [a.threshold for a in await alerts.due(user_id)] == [80]  # a new period, new alerts
