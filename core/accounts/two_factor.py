"""Two-factor: TOTP (RFC 6238, through pyotp) and ten single-use recovery codes.

Enrolment is two steps: ``begin`` makes a secret (sealed at rest) and the ``otpauth://``
URI the QR code shows; ``confirm`` with a first right code turns it on and hands out the
recovery codes, once (only their hashes are kept). A code's 30-second step is accepted once
(a code seen over a shoulder cannot be replayed), one step of clock drift either way is
allowed, and wrong codes are counted per account (``attempts.SECOND_FACTOR``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pyotp
from sqlalchemy import delete, select, update

from core.accounts.attempts import SECOND_FACTOR, AttemptLimiter
from core.accounts.sealing import Sealer
from core.accounts.secrets import digest, new_recovery_code, normalise_recovery
from core.accounts.tables import RecoveryCodeRow, TotpRow
from core.errors import SecondFactorInvalid
from core.storage.store import Store
from core.storage.tables import utcnow

ISSUER = "Page Magic"
RECOVERY_CODES = 10
STEP = 30


class TwoFactor:
    def __init__(
        self, store: Store, sealer: Sealer, attempts: AttemptLimiter, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.store = store
        self.sealer = sealer
        self.attempts = attempts
        self.clock = clock

    async def enabled(self, user_id: int) -> bool:
        async with self.store._guard(), self.store.session() as session:
            row = await session.get(TotpRow, user_id)
            return row is not None and row.confirmed_at is not None

    async def begin(self, user_id: int, label: str) -> str:
        """A new (unconfirmed) secret; returns the otpauth URI for the QR code."""
        secret = pyotp.random_base32()
        async with self.store._guard(), self.store.session() as session, session.begin():
            row = await session.get(TotpRow, user_id)
            if row is not None and row.confirmed_at is not None:
                raise SecondFactorInvalid("already on")
            if row is None:
                session.add(TotpRow(user_id=user_id, secret=self.sealer.seal(secret, _bound(user_id)), created_at=self.clock()))
            else:
                row.secret, row.last_step = self.sealer.seal(secret, _bound(user_id)), 0
        return pyotp.TOTP(secret).provisioning_uri(name=label or f"account {user_id}", issuer_name=ISSUER)

    async def pending_uri(self, user_id: int, label: str) -> str | None:
        async with self.store._guard(), self.store.session() as session:
            row = await session.get(TotpRow, user_id)
        if row is None or row.confirmed_at is not None:
            return None
        return pyotp.TOTP(self.sealer.open(row.secret, _bound(user_id))).provisioning_uri(name=label or f"account {user_id}", issuer_name=ISSUER)

    async def confirm(self, user_id: int, code: str, address: str = "") -> list[str]:
        """Turn TOTP on with a first right code; returns the recovery codes (shown once)."""
        await self._code(user_id, code, address, pending=True)
        codes = [new_recovery_code() for _ in range(RECOVERY_CODES)]
        async with self.store._guard(), self.store.session() as session, session.begin():
            await session.execute(update(TotpRow).where(TotpRow.user_id == user_id).values(confirmed_at=self.clock()))
            await session.execute(delete(RecoveryCodeRow).where(RecoveryCodeRow.user_id == user_id))
            session.add_all(RecoveryCodeRow(user_id=user_id, code_hash=digest(c)) for c in codes)
        return codes

    async def verify(self, user_id: int, code: str, address: str = "") -> str:
        """A TOTP code or an unused recovery code; returns "totp" or "recovery". Wrong: ``SecondFactorInvalid``."""
        if normalise_recovery(code):
            await self._limits(user_id, address)
            if await self._use_recovery(user_id, normalise_recovery(code)):
                return "recovery"
            await self._failed(user_id, address)
            raise SecondFactorInvalid("recovery code")
        await self._code(user_id, code, address, pending=False)
        return "totp"

    async def disable(self, user_id: int) -> None:
        async with self.store._guard(), self.store.session() as session, session.begin():
            await session.execute(delete(TotpRow).where(TotpRow.user_id == user_id))
            await session.execute(delete(RecoveryCodeRow).where(RecoveryCodeRow.user_id == user_id))

    async def recovery_left(self, user_id: int) -> int:
        async with self.store._guard(), self.store.session() as session:
            rows = await session.scalars(
                select(RecoveryCodeRow.id).where(RecoveryCodeRow.user_id == user_id, RecoveryCodeRow.used_at.is_(None))
            )
            return len(list(rows))

    # -- checks --------------------------------------------------------------------------------

    async def _limits(self, user_id: int, address: str) -> None:
        await self.attempts.check(f"2fa:account:{user_id}", SECOND_FACTOR)
        if address:
            await self.attempts.check(f"2fa:address:{address}", SECOND_FACTOR)

    async def _failed(self, user_id: int, address: str) -> None:
        await self.attempts.fail(f"2fa:account:{user_id}", SECOND_FACTOR)
        if address:
            await self.attempts.fail(f"2fa:address:{address}", SECOND_FACTOR)

    async def _code(self, user_id: int, code: str, address: str, pending: bool) -> None:
        await self._limits(user_id, address)
        digits = "".join(c for c in code if c.isdigit())
        async with self.store._guard(), self.store.session() as session, session.begin():
            row = await session.get(TotpRow, user_id)
            usable = row is not None and (row.confirmed_at is None) == pending
            step = self._matching_step(self.sealer.open(row.secret, _bound(user_id)), digits) if usable and row and len(digits) == 6 else None
            if row is not None and step is not None and step > row.last_step:
                row.last_step = step
                return
        await self._failed(user_id, address)
        raise SecondFactorInvalid("totp")

    def _matching_step(self, secret: str, digits: str) -> int | None:
        totp = pyotp.TOTP(secret)
        now = self.clock()
        current = int(now.timestamp()) // STEP
        for step in (current, current - 1, current + 1):
            if totp.at(step * STEP) == digits:
                return step
        return None

    async def _use_recovery(self, user_id: int, code: str) -> bool:
        async with self.store._guard(), self.store.session() as session, session.begin():
            result = await session.execute(
                update(RecoveryCodeRow)
                .where(
                    RecoveryCodeRow.user_id == user_id,
                    RecoveryCodeRow.code_hash == digest(code),
                    RecoveryCodeRow.used_at.is_(None),
                )
                .values(used_at=self.clock())
                .execution_options(synchronize_session=False)
            )
            return bool(getattr(result, "rowcount", 0))


def _bound(_user_id: int) -> str:
    # Not bound to the account id: a merge moves the row to the kept account, and it must still open.
    return "pagemagic:totp"
