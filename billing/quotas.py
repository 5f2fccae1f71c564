"""Quota checks against the plan: hard limits refuse, metered overage is allowed up to the cap.

The plan is read from the database on every check, so a plan change (a Stripe webhook)
applies to the very next message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import ROUND_CEILING, Decimal

from billing.plans import METRICS, billing_period, catalog, plan_named
from billing.tables import SpendingCapRow
from core.errors import QuotaExceeded, SpendingCapReached
from core.ports import MetricUsage, SiteUsage, UsageMeter, UsageSummary
from core.storage.store import Store
from core.storage.tables import UserRow, utcnow

# Metrics that count what exists now (sites online, domains attached) rather than a monthly sum.
COUNTED_NOW = ("published_sites", "domains", "storage")


class PlanQuotas:
    """``QuotaPolicy``: usage this calendar month (UTC) against the user's plan.

    ``cap_cents`` is the most overage an account may run up in a month (``None``: no cap);
    at the cap, work that would cost more is refused with a clear message.
    """

    def __init__(
        self, store: Store, meter: UsageMeter, cap_cents: int | None = None, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._store = store
        self._meter = meter
        self.cap_cents = cap_cents
        self.clock = clock  # which billing period "this month" is (tests pin it near a month's end)

    async def plan_of(self, user_id: int) -> str:
        async with self._store.session() as session:
            user = await session.get(UserRow, user_id)
            return user.plan if user is not None else "free"

    async def cap_of(self, user_id: int) -> int | None:
        """The cap that applies to the account: its own (``spending_caps``) or the operator's, the lower."""
        async with self._store.session() as session:
            row = await session.get(SpendingCapRow, user_id)
        caps = [c for c in (self.cap_cents, row.cap_cents if row is not None else None) if c is not None]
        return min(caps) if caps else None

    async def set_cap(self, user_id: int, cap_cents: int | None) -> None:
        """The account's own cap; ``None`` removes it (the operator's, if any, stays)."""
        async with self._store.session() as session, session.begin():
            row = await session.get(SpendingCapRow, user_id)
            if cap_cents is None:
                if row is not None:
                    await session.delete(row)
            elif row is None:
                session.add(SpendingCapRow(user_id=user_id, cap_cents=cap_cents))
            else:
                row.cap_cents, row.updated_at = cap_cents, utcnow()

    async def usage(self, user_id: int) -> tuple[str, dict[str, int]]:
        """The account's plan and its totals this period."""
        plan_name = await self.plan_of(user_id)
        start, end = billing_period(self.clock())
        # The month's sums, and what is counted now (removing one frees its place), in one query.
        return plan_name, await self._store.quota_figures(user_id, start, end)

    async def check(self, user_id: int, metric: str, amount: int = 1) -> None:
        """Refuse work past the plan's limit (or the spending cap). Reads only what the answer needs:
        nothing more than the plan when the metric is unlimited; the cap only past the plan's limit."""
        plan = plan_named(await self.plan_of(user_id))
        limit = plan.limit(metric)
        if limit is None:
            return
        used = await self._used(user_id, metric)
        if used + amount <= limit:
            return
        if plan.hard_limit(metric):
            raise QuotaExceeded(metric, limit, used, monthly=metric not in COUNTED_NOW)
        cap = await self.cap_of(user_id)
        if cap is not None:
            _, totals = await self.usage(user_id)
            after = dict(totals)
            after[metric] = used + amount
            overage = plan.estimate_cents(after) - plan.price_cents
            if overage > cap:
                raise SpendingCapReached(
                    metric, cap, plan.estimate_cents(totals) - plan.price_cents, catalog().currency
                )

    async def _used(self, user_id: int, metric: str) -> int:
        """One metric's use this period (counted now for what can be removed): one query."""
        start, end = billing_period(self.clock())
        return (await self._store.quota_figures(user_id, start, end)).get(metric, 0)

    async def summary(self, user_id: int) -> UsageSummary:
        await self._meter.flush()
        plan_name, totals = await self.usage(user_id)
        plan = plan_named(plan_name)
        start, end = billing_period(self.clock())
        return UsageSummary(
            plan=plan.name,
            period_start=start,
            period_end=end,
            metrics=tuple(
                MetricUsage(m, totals.get(m, 0), plan.limit(m), _cents(plan.overage_cost(m, totals.get(m, 0))))
                for m in METRICS
            ),
            estimate_cents=plan.estimate_cents(totals),
            currency=catalog().currency,
            cap_cents=await self.cap_of(user_id),
            sites=await self._sites(user_id, start, end),
        )

    async def _sites(self, user_id: int, start: datetime, end: datetime) -> tuple[SiteUsage, ...]:
        per_site = await self._store.usage_by_site(user_id, start, end, ("requests", "bytes"))
        return tuple(
            SiteUsage(site_id, name, totals.get("requests", 0), totals.get("bytes", 0))
            for (site_id, name), totals in per_site.items()
        )


def _cents(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))
