"""One-time web links: ``/dashboard`` from a chat, an emailed sign-in, an address to confirm.

A link is bound to one account, lives ``ttl`` (ten minutes), and works once: the token is
stored as a hash and marked used in the same statement that checks it, so two tabs racing
get one session. The token travels in the URL's fragment (``/auth/link#…``), which browsers
never send to a server: it cannot land in an access log, a proxy's or ours.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from core.accounts.secrets import digest, new_token
from core.accounts.tables import SignInLinkRow
from core.errors import SignInInvalid
from core.storage.store import Store
from core.storage.tables import utcnow

LINK_TTL = timedelta(minutes=10)


class SignInLinks:
    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow, ttl: timedelta = LINK_TTL) -> None:
        self.store = store
        self.clock = clock
        self.ttl = ttl

    async def issue(self, user_id: int, purpose: str = "sign_in", payload: str = "") -> str:
        token = new_token()
        now = self.clock()
        async with self.store._guard(), self.store.session() as session, session.begin():
            session.add(
                SignInLinkRow(
                    user_id=user_id, token_hash=digest(token), purpose=purpose, payload=payload[:254],
                    expires_at=now + self.ttl, created_at=now,
                )
            )
        return token

    async def redeem(self, token: str, purpose: str = "sign_in") -> tuple[int, str]:
        """(account, payload) of a live, unused link of ``purpose``, now used; else ``SignInInvalid``."""
        async with self.store._guard(), self.store.session() as session, session.begin():
            return await self.redeem_in(session, token, purpose)

    async def redeem_in(self, session: AsyncSession, token: str, purpose: str = "sign_in") -> tuple[int, str]:
        """``redeem`` inside the caller's transaction (a sign-in writes the used link and its session together)."""
        if not token or len(token) > 100:
            raise SignInInvalid("malformed")
        now = self.clock()
        found = (await session.execute(
            update(SignInLinkRow)
            .where(
                SignInLinkRow.token_hash == digest(token),
                SignInLinkRow.purpose == purpose,
                SignInLinkRow.used_at.is_(None),
                SignInLinkRow.expires_at > now,
            )
            .values(used_at=now)
            .returning(SignInLinkRow.user_id, SignInLinkRow.payload)
            .execution_options(synchronize_session=False)
        )).first()
        if found is None:
            raise SignInInvalid("unknown, used or expired")
        return int(found[0]), str(found[1])
