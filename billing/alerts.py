"""Spending alerts: 80% and 100% of an included amount, posted once per metric and period.

The unique key (account, period, metric, threshold) is what makes it once: whichever
process inserts the row first posts the alert; a chat that crosses both thresholds at once
hears only the higher one.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from billing.plans import billing_period, plan_named
from billing.quotas import PlanQuotas
from billing.tables import SpendingAlertRow
from core.ports import SpendingAlert
from core.storage.store import Store

THRESHOLDS = (80, 100)
# Spending is what accrues over the month; sites and domains are slots, refused at the limit.
CONSUMED = frozenset({"generations", "tokens", "publishes", "requests", "bytes"})


class SpendingAlerts:
    def __init__(self, store: Store, quotas: PlanQuotas) -> None:
        self.store = store
        self.quotas = quotas

    async def due(self, user_id: int) -> list[SpendingAlert]:
        plan_name, totals = await self.quotas.usage(user_id)
        plan = plan_named(plan_name)
        crossed: dict[str, tuple[int, ...]] = {}
        for metric, limit in plan.limits.items():
            if not limit or metric not in CONSUMED:
                continue
            used = totals.get(metric, 0)
            reached = tuple(t for t in THRESHOLDS if used * 100 >= t * limit)
            if reached:
                crossed[metric] = reached
        if not crossed:
            return []
        period = billing_period(self.quotas.clock())[0]
        async with self.store.session() as session:
            sent = {
                (m, t) for m, t in (await session.execute(
                    select(SpendingAlertRow.metric, SpendingAlertRow.threshold).where(
                        SpendingAlertRow.user_id == user_id, SpendingAlertRow.period_start == period
                    )
                )).all()
            }
        new = [(m, t) for m, ts in crossed.items() for t in ts if (m, t) not in sent]
        if not new:
            return []
        try:
            async with self.store.session() as session, session.begin():
                session.add_all(SpendingAlertRow(user_id=user_id, period_start=period, metric=m, threshold=t)
                                for m, t in new)
        except IntegrityError:
            return []  # another chat of the same account posted them
        highest: dict[str, int] = {}
        for metric, threshold in new:
            highest[metric] = max(threshold, highest.get(metric, 0))
        return [
            SpendingAlert(metric, threshold, totals.get(metric, 0), plan.limit(metric) or 0, not plan.hard_limit(metric))
            for metric, threshold in highest.items()
        ]
