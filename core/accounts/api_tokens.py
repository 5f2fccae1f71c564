"""API tokens: ``pm_…`` bearer tokens for scripts, scoped ``read`` or ``read publish``.

The token is shown once when made; the database keeps its SHA-256 and a short prefix so
the account page can tell tokens apart. A revoked token stops at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select, update

from core.accounts.records import ApiTokenRecord
from core.accounts.secrets import digest, new_token
from core.accounts.tables import ApiTokenRow
from core.storage.store import Store
from core.storage.tables import utcnow

SCOPES = ("read", "publish")
PREFIX = "pm_"
TOUCH_EVERY = timedelta(minutes=1)


class ApiTokens:
    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    async def create(self, user_id: int, name: str, scopes: tuple[str, ...]) -> tuple[str, ApiTokenRecord]:
        """A new token (the plain value, returned once) with ``read`` always and ``publish`` if asked."""
        wanted = ("read", "publish") if "publish" in scopes else ("read",)
        token = new_token(PREFIX)
        row = ApiTokenRow(
            user_id=user_id, name=(name.strip() or "token")[:80], prefix=token[:10], token_hash=digest(token),
            scopes=" ".join(wanted), created_at=self.clock(),
        )
        async with self.store._guard(), self.store.session() as session, session.begin():
            session.add(row)
            await session.flush()
            return token, _record(row)

    async def authenticate(self, token: str) -> ApiTokenRecord | None:
        if not token.startswith(PREFIX) or len(token) > 100:
            return None
        now = self.clock()
        async with self.store._guard(), self.store.session() as session:
            row = await session.scalar(select(ApiTokenRow).where(ApiTokenRow.token_hash == digest(token)))
            if row is None or row.revoked_at is not None:
                return None
            record = _record(row)
        if record.last_used_at is None or now - record.last_used_at >= TOUCH_EVERY:
            async with self.store._guard(), self.store.session() as session, session.begin():
                await session.execute(update(ApiTokenRow).where(ApiTokenRow.id == record.id).values(last_used_at=now))
        return record

    async def of_account(self, user_id: int) -> list[ApiTokenRecord]:
        async with self.store._guard(), self.store.session() as session:
            rows = await session.scalars(
                select(ApiTokenRow).where(ApiTokenRow.user_id == user_id, ApiTokenRow.revoked_at.is_(None)).order_by(ApiTokenRow.id)
            )
            return [_record(r) for r in rows]

    async def revoke(self, user_id: int, token_id: int) -> bool:
        async with self.store._guard(), self.store.session() as session, session.begin():
            result = await session.execute(
                update(ApiTokenRow)
                .where(ApiTokenRow.id == token_id, ApiTokenRow.user_id == user_id, ApiTokenRow.revoked_at.is_(None))
                .values(revoked_at=self.clock())
                .execution_options(synchronize_session=False)
            )
            return bool(getattr(result, "rowcount", 0))


def _record(row: ApiTokenRow) -> ApiTokenRecord:
    return ApiTokenRecord(
        id=row.id, user_id=row.user_id, name=row.name, prefix=row.prefix, scopes=tuple(row.scopes.split()),
        created_at=row.created_at, last_used_at=row.last_used_at, revoked_at=row.revoked_at,
    )
