"""Merging two accounts into one: everything that names the old account moves to the kept one.

Which tables name an account is read from the database itself (every foreign key to
``users.id``), so a table added later (images, say) follows without a change here. Where a
unique key would clash (both accounts have a row for the same thing: a billing alert of the
same period, an image of the same hash), the kept account's row stays and the other goes.
Billing decides first which Stripe customer and subscription survive (``AccountBillingPort``);
this runs after it, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, column, delete, exists, inspect, select, table, update
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncSession

from core.accounts.tables import SessionRow
from core.storage.store import Store
from core.storage.tables import UserRow


@dataclass(frozen=True)
class _Reference:
    """A column that holds an account id, and the unique keys it is part of (their other columns)."""

    table: str
    column: str
    clashes: tuple[tuple[str, ...], ...]


def _references(connection: Connection) -> list[_Reference]:
    found: list[_Reference] = []
    inspector = inspect(connection)
    for name in inspector.get_table_names():
        if name == "users":
            continue
        keys: list[tuple[str, ...]] = []
        pk = inspector.get_pk_constraint(name).get("constrained_columns") or []
        keys.append(tuple(pk))
        keys += [tuple(u["column_names"]) for u in inspector.get_unique_constraints(name)]
        keys += [tuple(str(c) for c in i["column_names"]) for i in inspector.get_indexes(name) if i.get("unique")]
        for fk in inspector.get_foreign_keys(name):
            if fk["referred_table"] != "users" or fk["referred_columns"] != ["id"] or len(fk["constrained_columns"]) != 1:
                continue
            col = fk["constrained_columns"][0]
            clashes = tuple(tuple(c for c in key if c != col) for key in keys if col in key)
            found.append(_Reference(name, col, clashes))
    return found


class AccountMerger:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._refs: list[_Reference] | None = None

    async def references(self) -> list[_Reference]:
        if self._refs is None:
            async with self.store.engine.connect() as connection:
                self._refs = await connection.run_sync(_references)
        return self._refs

    async def merge(self, keep: int, other: int, plan: str) -> dict[str, int]:
        """Move every row of ``other`` to ``keep``, end ``other``'s sessions, remove ``other``.

        Returns how many rows moved per table (for the audit line).
        """
        refs = await self.references()
        moved: dict[str, int] = {}
        async with self.store._guard(), self.store.session() as session, session.begin():
            await session.execute(delete(SessionRow).where(SessionRow.user_id == other))
            for ref in refs:
                await _drop_clashes(session, ref, keep, other)
                t = table(ref.table, column(ref.column))
                result = await session.execute(update(t).where(t.c[ref.column] == other).values({ref.column: keep}))
                count = int(getattr(result, "rowcount", 0) or 0)
                if count:
                    moved[ref.table] = moved.get(ref.table, 0) + count
            await session.execute(update(UserRow).where(UserRow.id == keep).values(plan=plan))
            await session.execute(delete(UserRow).where(UserRow.id == other))
        return moved


async def _drop_clashes(session: AsyncSession, ref: _Reference, keep: int, other: int) -> None:
    for others in ref.clashes:
        cols = [ref.column, *others]
        mine = table(ref.table, *(column(c) for c in cols))
        theirs = mine.alias("kept")
        same = and_(theirs.c[ref.column] == keep, *(theirs.c[c] == mine.c[c] for c in others))
        await session.execute(
            delete(mine).where(mine.c[ref.column] == other, exists(select(theirs.c[ref.column]).where(same)))
        )
