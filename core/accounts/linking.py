"""``/link`` codes and the confirmations sensitive chat actions wait for.

A code is shown in one chat and typed in another within ten minutes; it is stored as a
hash, used once, and wrong guesses are counted per identity (``attempts.LINK_CODE``).
Typing it does not link at once: the chat first says what linking will do (sites kept,
the higher plan, a subscription ending) and waits for a button (a ``PendingAction``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from core.accounts.attempts import LINK_CODE, AttemptLimiter
from core.accounts.records import PendingAction
from core.accounts.secrets import digest, new_link_code, normalise_code
from core.accounts.tables import LinkCodeRow, PendingActionRow
from core.errors import ConfirmationExpired, LinkCodeInvalid
from core.storage.store import Store
from core.storage.tables import utcnow

CODE_TTL = timedelta(minutes=10)
CONFIRM_TTL = timedelta(minutes=10)


class LinkCodes:
    def __init__(self, store: Store, attempts: AttemptLimiter, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.attempts = attempts
        self.clock = clock

    async def issue(self, user_id: int) -> str:
        """A new code for ``user_id``; earlier unused ones of the account stop working."""
        code = new_link_code()
        now = self.clock()
        async with self.store._guard(), self.store.session() as session, session.begin():
            await session.execute(delete(LinkCodeRow).where(LinkCodeRow.user_id == user_id))
            session.add(LinkCodeRow(user_id=user_id, code_hash=digest(code), expires_at=now + CODE_TTL, created_at=now))
        return code

    async def peek(self, text: str, guesser: str) -> tuple[int, int]:
        """(code id, issuing account) of a valid code, without using it; a wrong guess is counted."""
        key = f"link:{guesser}"
        await self.attempts.check(key, LINK_CODE)
        code = normalise_code(text)
        row = None
        if code:
            async with self.store._guard(), self.store.session() as session:
                row = await session.scalar(select(LinkCodeRow).where(LinkCodeRow.code_hash == digest(code)))
        if row is None or row.used_at is not None or row.expires_at <= self.clock():
            await self.attempts.fail(key, LINK_CODE)
            raise LinkCodeInvalid()
        return row.id, row.user_id

    async def use(self, code_id: int) -> int:
        """Mark the code used (once: a second press finds it used); returns the issuing account."""
        now = self.clock()
        async with self.store._guard(), self.store.session() as session, session.begin():
            row = await session.get(LinkCodeRow, code_id)
            if row is None or row.expires_at <= now:
                raise LinkCodeInvalid()
            result = await session.execute(
                update(LinkCodeRow).where(LinkCodeRow.id == code_id, LinkCodeRow.used_at.is_(None)).values(used_at=now)
                .execution_options(synchronize_session=False)
            )
            if not getattr(result, "rowcount", 0):
                raise LinkCodeInvalid()
            return row.user_id


class PendingActions:
    """Confirmations by button: ``ask`` returns a nonce the button carries; ``take`` uses it once."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    async def ask(self, user_id: int, action: str, argument: str = "", step: int = 1) -> PendingAction:
        now = self.clock()
        nonce = secrets.token_urlsafe(12)
        async with self.store._guard(), self.store.session() as session, session.begin():
            await session.execute(
                delete(PendingActionRow).where(PendingActionRow.user_id == user_id, PendingActionRow.action == action)
            )
            row = PendingActionRow(
                user_id=user_id, nonce=nonce, action=action, step=step, argument=argument,
                expires_at=now + CONFIRM_TTL, created_at=now,
            )
            session.add(row)
            await session.flush()
            return _pending(row)

    async def take(self, user_id: int, action: str, nonce: str) -> PendingAction:
        """The pending action for this nonce, removed; anything else (late, reused, another account's) is refused."""
        async with self.store._guard(), self.store.session() as session, session.begin():
            row = await session.scalar(select(PendingActionRow).where(PendingActionRow.nonce == nonce[:32]))
            if row is None or row.user_id != user_id or row.action != action:
                raise ConfirmationExpired(action)
            await session.execute(delete(PendingActionRow).where(PendingActionRow.id == row.id))
            if row.expires_at <= self.clock():
                raise ConfirmationExpired(action)
            return _pending(row)


def _pending(row: PendingActionRow) -> PendingAction:
    return PendingAction(
        id=row.id, user_id=row.user_id, nonce=row.nonce, action=row.action, step=row.step,
        argument=row.argument, expires_at=row.expires_at,
    )
