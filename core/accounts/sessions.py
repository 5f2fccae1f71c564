"""Web sessions, kept server-side: the cookie holds a random token, the database its hash.

Policy: a session ends after ``idle`` without a request and ``absolute`` after sign-in,
whichever comes first; its token changes at sign-in and whenever its privilege changes
(the second factor done), so a token seen before cannot ride along; "sign out everywhere"
ends every session of the account. Sensitive actions want a second factor typed within
``step_up`` (when the account has one).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.accounts.records import SessionRecord
from core.accounts.secrets import digest, new_token
from core.accounts.tables import SessionRow, TotpRow
from core.storage.audit import AuditRow
from core.storage.store import Store
from core.storage.tables import utcnow

TOUCH_EVERY = timedelta(minutes=1)  # last_seen is written at most this often: reads stay reads
FirstFactor = Callable[[AsyncSession], Awaitable[int]]  # the account a credential names, checked in the transaction
_COLUMNS = (
    SessionRow.id, SessionRow.user_id, SessionRow.csrf, SessionRow.method, SessionRow.second_factor,
    SessionRow.verified_at, SessionRow.created_at, SessionRow.last_seen_at, SessionRow.expires_at,
)  # SessionRecord's fields, in its order


@dataclass(frozen=True)
class SessionPolicy:
    idle: timedelta = timedelta(hours=12)
    absolute: timedelta = timedelta(days=7)
    step_up: timedelta = timedelta(minutes=10)


class Sessions:
    def __init__(self, store: Store, policy: SessionPolicy = SessionPolicy(), clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.policy = policy
        self.clock = clock

    async def start(self, user_id: int, method: str, second_factor: bool) -> tuple[str, SessionRecord]:
        """A new session; ``second_factor`` False leaves it waiting for the TOTP code."""
        token = new_token()
        now = self.clock()
        row = SessionRow(
            token_hash=digest(token), user_id=user_id, csrf=secrets.token_urlsafe(32), method=method,
            second_factor=second_factor, verified_at=None, created_at=now, last_seen_at=now,
            expires_at=now + self.policy.absolute,
        )
        async with self.store._guard(), self.store.session() as session, session.begin():
            session.add(row)
            await session.flush()
            return token, _record(row)

    async def sign_in(
        self, user_id: int | FirstFactor, method: str, request_id: str = ""
    ) -> tuple[str, SessionRecord]:
        """A session after a first factor, in one transaction: it waits for a code when the account has
        two-factor on, and the sign-in is written to the audit trail with it.

        ``user_id`` may be the first factor itself (a one-time link's redeem, run in this same
        transaction): a used link and its session are then written together or not at all.
        Core statements, not ORM objects: this is the hot path of every sign-in (bench/auth.py).
        """
        token = new_token()
        now = self.clock()
        async with self.store._guard(), self.store.session() as session, session.begin():
            if not isinstance(user_id, int):
                user_id = await user_id(session)
            # the second factor is done unless the account has a confirmed TOTP: asked in the INSERT itself
            confirmed = exists().where(TotpRow.user_id == user_id, TotpRow.confirmed_at.is_not(None))
            values = {
                "token_hash": digest(token), "user_id": user_id, "csrf": secrets.token_urlsafe(32), "method": method,
                "second_factor": ~confirmed, "verified_at": None, "created_at": now, "last_seen_at": now,
                "expires_at": now + self.policy.absolute,
            }
            row = (await session.execute(
                insert(SessionRow).values(values).returning(SessionRow.id, SessionRow.second_factor)
            )).one()
            session_id, done = int(row[0]), bool(row[1])
            await session.execute(insert(AuditRow).values(
                user_id=user_id, action="sign_in", detail=method if done else f"{method} (second factor asked)",
                request_id=request_id[:64], created_at=now,
            ))
        return token, SessionRecord(
            id=session_id, user_id=user_id, csrf=str(values["csrf"]), method=method, second_factor=done,
            verified_at=None, created_at=now, last_seen_at=now, expires_at=now + self.policy.absolute,
        )

    async def resume(self, token: str) -> SessionRecord | None:
        """The live session of ``token``; an expired one is removed and None returned."""
        if not token or len(token) > 100:
            return None
        now = self.clock()
        async with self.store._guard(), self.store.session() as session:
            found = (await session.execute(select(*_COLUMNS).where(SessionRow.token_hash == digest(token)))).first()
            if found is None:
                return None
            record = SessionRecord(*found)
        if now >= record.expires_at or now - record.last_seen_at >= self.policy.idle:
            await self._drop(record.id)
            return None
        if now - record.last_seen_at >= TOUCH_EVERY:
            async with self.store._guard(), self.store.session() as session, session.begin():
                await session.execute(update(SessionRow).where(SessionRow.id == record.id).values(last_seen_at=now))
        return record

    async def rotate(self, session_id: int, *, second_factor: bool | None = None, verified: bool = False) -> tuple[str, SessionRecord]:
        """A new token (and CSRF secret) for the same session, with its privilege changed."""
        token = new_token()
        now = self.clock()
        values: dict[str, object] = {"token_hash": digest(token), "csrf": secrets.token_urlsafe(32), "last_seen_at": now}
        if second_factor is not None:
            values["second_factor"] = second_factor
        if verified:
            values["verified_at"] = now
        async with self.store._guard(), self.store.session() as session, session.begin():
            await session.execute(update(SessionRow).where(SessionRow.id == session_id).values(**values))
            row = await session.get(SessionRow, session_id)
            assert row is not None
            return token, _record(row)

    def recently_verified(self, record: SessionRecord) -> bool:
        return record.verified_at is not None and self.clock() - record.verified_at < self.policy.step_up

    async def end(self, session_id: int) -> None:
        await self._drop(session_id)

    async def end_all(self, user_id: int) -> int:
        async with self.store._guard(), self.store.session() as session, session.begin():
            result = await session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))
            return int(getattr(result, "rowcount", 0) or 0)

    async def of_account(self, user_id: int) -> list[SessionRecord]:
        async with self.store._guard(), self.store.session() as session:
            rows = await session.scalars(select(SessionRow).where(SessionRow.user_id == user_id).order_by(SessionRow.id))
            return [_record(r) for r in rows]

    async def _drop(self, session_id: int) -> None:
        async with self.store._guard(), self.store.session() as session, session.begin():
            await session.execute(delete(SessionRow).where(SessionRow.id == session_id))


def _record(row: SessionRow) -> SessionRecord:
    return SessionRecord(
        id=row.id, user_id=row.user_id, csrf=row.csrf, method=row.method, second_factor=row.second_factor,
        verified_at=row.verified_at, created_at=row.created_at, last_seen_at=row.last_seen_at, expires_at=row.expires_at,
    )
