"""Quota checks against the plan's monthly limits."""

from __future__ import annotations

from billing.plans import METRICS, billing_period, plan_named
from core.errors import QuotaExceeded
from core.ports import MetricUsage, UsageMeter, UsageSummary
from core.storage.store import Store
from core.storage.tables import UserRow, utcnow


class PlanQuotas:
    """``QuotaPolicy``: usage this calendar month (UTC) against the user's plan."""

    def __init__(self, store: Store, meter: UsageMeter) -> None:
        self._store = store
        self._meter = meter

    async def plan_of(self, user_id: int) -> str:
        async with self._store.session() as session:
            user = await session.get(UserRow, user_id)
            return user.plan if user is not None else "free"

    async def _used(self, user_id: int) -> tuple[str, dict[str, int]]:
        plan_name = await self.plan_of(user_id)
        start, end = billing_period(utcnow())
        totals = await self._store.usage_totals(user_id, start, end)
        totals["published_sites"] = await self._store.published_site_count(user_id)
        return plan_name, totals

    async def check(self, user_id: int, metric: str, amount: int = 1) -> None:
        plan_name, totals = await self._used(user_id)
        limit = plan_named(plan_name).limit(metric)
        used = totals.get(metric, 0)
        if limit is not None and used + amount > limit:
            raise QuotaExceeded(metric, limit, used)

    async def summary(self, user_id: int) -> UsageSummary:
        await self._meter.flush()
        plan_name, totals = await self._used(user_id)
        plan = plan_named(plan_name)
        start, end = billing_period(utcnow())
        return UsageSummary(
            plan=plan.name,
            period_start=start,
            period_end=end,
            metrics=tuple(MetricUsage(m, totals.get(m, 0), plan.limit(m)) for m in METRICS),
        )
