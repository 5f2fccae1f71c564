"""Accounts as billing sees them: Stripe customer, subscription, plan, and who to tell.

A plan change is one database transaction (the user's plan, the subscription row, an audit
row), so Studio's quotas follow at once: ``PlanQuotas`` reads the plan on every check.
Listeners (the edge limits in Redis) are told after the commit; they are idempotent.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from billing.tables import BillingCustomerRow, BillingSubscriptionRow, PlanChangeRow
from core.storage.store import Store
from core.storage.tables import SiteRow, UserRow, utcnow

log = logging.getLogger(__name__)

# (user id, new plan, slugs of the user's sites)
PlanListener = Callable[[int, str, list[str]], Awaitable[None]]
LIVE_STATUSES = ("active", "trialing", "past_due")


class Accounts:
    def __init__(self, store: Store, listeners: Sequence[PlanListener] = ()) -> None:
        self.store = store
        self.listeners = list(listeners)

    # -- customers ---------------------------------------------------------------------

    async def customer(self, user_id: int) -> BillingCustomerRow | None:
        async with self.store.session() as session:
            return await session.get(BillingCustomerRow, user_id)

    async def save_customer(self, user_id: int, customer_id: str) -> str:
        """Store the account's customer; when another process stored one first, that one wins."""
        async with self.store.session() as session:
            try:
                async with session.begin():
                    row = await session.get(BillingCustomerRow, user_id)
                    if row is None:
                        session.add(BillingCustomerRow(user_id=user_id, customer_id=customer_id))
                    elif row.deleted_at is not None:
                        row.customer_id, row.deleted_at, row.created_at = customer_id, None, utcnow()
                    else:
                        return row.customer_id
            except IntegrityError:
                pass
        stored = await self.customer(user_id)
        return stored.customer_id if stored is not None else customer_id

    async def user_of_customer(self, session: AsyncSession, customer_id: str) -> int | None:
        found = await session.scalar(select(BillingCustomerRow.user_id).where(BillingCustomerRow.customer_id == customer_id))
        if found is None:
            found = await session.scalar(
                select(BillingSubscriptionRow.user_id).where(BillingSubscriptionRow.customer_id == customer_id)
            )
        return found

    async def customer_deleted(self, customer_id: str) -> bool:
        """Mark a customer deleted in Stripe; True the first time (so it is reported once)."""
        async with self.store.session() as session, session.begin():
            result = await session.execute(
                update(BillingCustomerRow)
                .where(BillingCustomerRow.customer_id == customer_id, BillingCustomerRow.deleted_at.is_(None))
                .values(deleted_at=utcnow())
            )
        first = bool(getattr(result, "rowcount", 0))
        if first:
            log.warning("Stripe customer %s was deleted; its account keeps its usage and gets a new customer "
                        "the next time one is needed", customer_id)
        return first

    # -- plans -------------------------------------------------------------------------

    @staticmethod
    async def set_plan(session: AsyncSession, user_id: int, plan: str, reason: str) -> bool:
        """Inside the caller's transaction; True when the plan actually changed."""
        user = await session.get(UserRow, user_id)
        if user is None or user.plan == plan:
            return False
        session.add(PlanChangeRow(user_id=user_id, from_plan=user.plan, to_plan=plan, reason=reason[:120]))
        user.plan = plan
        return True

    async def notify(self, user_id: int, plan: str) -> None:
        """Tell the listeners (edge limits) after a committed change."""
        if not self.listeners:
            return
        async with self.store.session() as session:
            slugs = list((await session.scalars(select(SiteRow.slug).where(SiteRow.owner_id == user_id))).all())
        for listener in self.listeners:
            try:
                await listener(user_id, plan, slugs)
            except Exception:  # the database is the truth; a listener catches up on the next change
                log.exception("plan listener failed for user %s -> %s", user_id, plan)

    async def expire_grace(self, now: datetime, fallback: str = "free") -> list[int]:
        """Accounts whose payment grace period ran out go back to ``fallback``."""
        changed: list[int] = []
        async with self.store.session() as session, session.begin():
            rows = (await session.scalars(
                select(BillingSubscriptionRow).where(
                    BillingSubscriptionRow.grace_until.is_not(None), BillingSubscriptionRow.grace_until <= now
                )
            )).all()
            for row in rows:
                row.grace_until, row.status, row.plan, row.updated_at = None, "unpaid", fallback, now
                if await self.set_plan(session, row.user_id, fallback, "payment failed; grace period over"):
                    changed.append(row.user_id)
        for user_id in changed:
            await self.notify(user_id, fallback)
        return changed
