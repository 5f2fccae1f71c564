"""The meter outbox: usage rows become reports in the database before anything is sent.

``collect`` takes usage rows not yet taken (of accounts with a live subscription), sums
them per customer, meter and hour, and writes one outbox row per sum together with a
``meter_taken`` row per usage row, in one transaction: a usage row is in exactly one report,
whatever crashes and however many billing jobs run (the primary key refuses a second
taker). Each report's ``identifier`` is fixed when it is written, so every resend is the
same meter event to Stripe, which keeps the first and refuses the rest.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, insert, select, update
from sqlalchemy.exc import IntegrityError

from billing.accounts import LIVE_STATUSES
from billing.tables import BillingCustomerRow, BillingSubscriptionRow, MeterOutboxRow, MeterTakenRow
from core.storage.store import Store
from core.storage.tables import UsageEventRow, utcnow

WINDOW = timedelta(hours=1)
STRIPE_PAST_LIMIT = timedelta(days=35)  # Stripe refuses meter events older than this


@dataclass(frozen=True)
class Report:
    id: int
    identifier: str
    customer_id: str
    event_name: str
    metric: str
    value: int
    window_start: datetime
    attempts: int

    def timestamp(self, now: datetime) -> datetime:
        """The window's start, moved into Stripe's accepted range (past 35 days, not future)."""
        earliest = now - STRIPE_PAST_LIMIT + timedelta(hours=1)
        return min(max(self.window_start, earliest), now)


def identifier_for(customer: str, event_name: str, window: datetime, first_usage_id: int) -> str:
    """Deterministic: the same usage rows always give the same identifier."""
    digest = hashlib.sha256(f"{customer}|{event_name}|{window.isoformat()}|{first_usage_id}".encode()).hexdigest()
    return f"pm_{digest[:40]}"


def window_of(when: datetime) -> datetime:
    return when.replace(minute=0, second=0, microsecond=0)


class MeterOutbox:
    def __init__(self, store: Store, meters: Callable[[], dict[str, str]]) -> None:
        self.store = store
        self.meters = meters

    async def collect(self, now: datetime | None = None, limit: int = 5000) -> int:
        """Turn up to ``limit`` untaken usage rows into reports; returns how many rows were taken."""
        now = now or utcnow()
        meters = self.meters()
        if not meters:
            return 0
        query = (
            select(UsageEventRow.id, UsageEventRow.user_id, UsageEventRow.metric, UsageEventRow.quantity,
                   UsageEventRow.created_at, BillingCustomerRow.customer_id)
            .join(BillingCustomerRow, BillingCustomerRow.user_id == UsageEventRow.user_id)
            .join(BillingSubscriptionRow, BillingSubscriptionRow.user_id == UsageEventRow.user_id)
            .where(
                BillingCustomerRow.deleted_at.is_(None),
                BillingSubscriptionRow.status.in_(LIVE_STATUSES),
                UsageEventRow.created_at >= BillingSubscriptionRow.metered_since,
                UsageEventRow.created_at >= now - STRIPE_PAST_LIMIT,
                UsageEventRow.metric.in_(list(meters)),
                ~exists().where(MeterTakenRow.usage_event_id == UsageEventRow.id),
            )
            .order_by(UsageEventRow.id)
            .limit(limit)
        )
        try:
            async with self.store.session() as session, session.begin():
                rows = (await session.execute(query)).all()
                if not rows:
                    return 0
                groups: defaultdict[tuple[int, str, str, datetime], list[tuple[int, int]]] = defaultdict(list)
                for usage_id, user_id, metric, quantity, created_at, customer in rows:
                    groups[(user_id, customer, metric, window_of(created_at))].append((usage_id, quantity))
                outbox = []
                for (user_id, customer, metric, window), items in groups.items():
                    event_name = meters[metric]
                    outbox.append(MeterOutboxRow(
                        identifier=identifier_for(customer, event_name, window, items[0][0]), user_id=user_id,
                        customer_id=customer, event_name=event_name, metric=metric,
                        value=sum(q for _, q in items), window_start=window, state="pending", attempts=0,
                        next_attempt_at=now, error="", created_at=now,
                    ))
                session.add_all(outbox)
                await session.flush()
                taken = [
                    {"usage_event_id": usage_id, "outbox_id": row.id}
                    for row, items in zip(outbox, groups.values(), strict=True)
                    for usage_id, _ in items
                ]
                await session.execute(insert(MeterTakenRow), taken)
        except IntegrityError:
            return 0  # another billing job took them first; nothing written here
        return len(rows)

    async def due(self, now: datetime | None = None, limit: int = 500) -> list[Report]:
        """Pending reports whose next attempt is due, oldest first."""
        now = now or utcnow()
        async with self.store.session() as session:
            rows = (await session.scalars(
                select(MeterOutboxRow)
                .where(MeterOutboxRow.state == "pending", MeterOutboxRow.next_attempt_at <= now)
                .order_by(MeterOutboxRow.id)
                .limit(limit)
            )).all()
        return [Report(r.id, r.identifier, r.customer_id, r.event_name, r.metric, r.value, r.window_start, r.attempts)
                for r in rows]

    async def mark_sent(self, ids: list[int]) -> None:
        if ids:
            await self._update(ids, state="sent", sent_at=utcnow(), error="")

    async def reject(self, ids: list[int], reason: str) -> None:
        """Stripe will never take these (the customer is gone); kept for the record, not resent."""
        if ids:
            await self._update(ids, state="rejected", error=reason[:2000])

    async def postpone(self, reports: list[Report], reason: str, now: datetime | None = None) -> None:
        """Not accepted this time (Stripe unreachable or busy): try again later, backing off."""
        now = now or utcnow()
        async with self.store.session() as session, session.begin():
            for report in reports:
                delay = timedelta(seconds=min(3600, 5 * 2 ** min(report.attempts, 10)))
                await session.execute(
                    update(MeterOutboxRow)
                    .where(MeterOutboxRow.id == report.id, MeterOutboxRow.state == "pending")
                    .values(attempts=MeterOutboxRow.attempts + 1, next_attempt_at=now + delay, error=reason[:2000])
                )

    async def _update(self, ids: list[int], **values: object) -> None:
        async with self.store.session() as session, session.begin():
            for start in range(0, len(ids), 500):
                await session.execute(
                    update(MeterOutboxRow)
                    .where(MeterOutboxRow.id.in_(ids[start:start + 500]), MeterOutboxRow.state == "pending")
                    .values(**values)
                )

    async def states(self) -> dict[str, int]:
        """How many reports are in each state (for tests, the bench and operators)."""
        from sqlalchemy import func

        async with self.store.session() as session:
            rows = await session.execute(select(MeterOutboxRow.state, func.count()).group_by(MeterOutboxRow.state))
            return {state: count for state, count in rows.all()}
