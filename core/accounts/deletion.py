"""Erasing an account's rows once its sites are offline (``AccountFlow.delete_account`` does that first).

What goes: the account and everything that names it (identities, conversations and their
turns, sites with every version, deployments, domains, usage, sessions, tokens, two-factor,
billing rows) through the foreign keys' ``ON DELETE CASCADE``. The audit trail outlives what
it describes by design, so the account's rows in it lose who and where (actor, chat,
workspace, detail) and keep only what happened and when.

What stays (docs/privacy.md): one ``account_deletions`` row with the date, the plan and the
Stripe customer id, for as long as tax law asks invoices to be kept (``RETENTION``); the
invoices themselves are kept by Stripe. Nothing in it names the person.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import false, or_, select, update

from core.accounts.tables import DeletedAccountRow
from core.storage.audit import AuditRow
from core.storage.store import Store
from core.storage.tables import SiteRow, UserRow, utcnow

RETENTION = timedelta(days=366 * 10)  # Portugal keeps invoices 10 years, Brazil 5, Spain 4-6: the longest


class AccountEraser:
    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    async def erase(self, user_id: int, customer: str, sites: int) -> None:
        now = self.clock()
        async with self.store._guard(), self.store.session() as session, session.begin():
            user = await session.get(UserRow, user_id)
            if user is None:
                return
            site_ids = list(await session.scalars(select(SiteRow.id).where(SiteRow.owner_id == user_id)))
            await session.execute(
                update(AuditRow)
                .where(or_(AuditRow.user_id == user_id, AuditRow.site_id.in_(site_ids) if site_ids else false()))
                .values(user_id=None, actor="", chat_id="", workspace="", detail="")
                .execution_options(synchronize_session=False)
            )
            session.add(
                DeletedAccountRow(
                    deleted_at=now, retain_until=now + RETENTION, stripe_customer=customer[:100], plan=user.plan,
                    kept="stripe customer id (invoices are kept by Stripe)" if customer else "",
                )
            )
            session.add(AuditRow(action="delete_account", detail=f"{sites} sites", created_at=now))
            await session.delete(user)
