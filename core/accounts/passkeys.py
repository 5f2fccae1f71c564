"""Passkeys (WebAuthn, through py_webauthn) as a second factor beside TOTP.

Registration and use are each two steps: ``*_options`` hands the browser a fresh challenge
(kept only as its SHA-256, single use, five minutes), and ``register``/``verify`` checks what
the authenticator signed: the challenge is taken (marked used) before anything else, so a
replayed response finds it gone; the origin and relying party must be ours; the signature must
verify under the stored public key; and the signature counter must move forward when the
authenticator keeps one (a cloned key gives itself away). Failures are counted like wrong TOTP
codes (``attempts.SECOND_FACTOR``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import webauthn
from sqlalchemy import delete, select, update
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url, options_to_json
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from core.accounts.attempts import SECOND_FACTOR, AttemptLimiter
from core.accounts.secrets import digest
from core.accounts.tables import PasskeyChallengeRow, PasskeyRow
from core.errors import SecondFactorInvalid
from core.storage.store import Store
from core.storage.tables import utcnow

CHALLENGE_LIFE = timedelta(minutes=5)
RP_NAME = "Page Magic"


@dataclass(frozen=True)
class Passkey:
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


class Passkeys:
    """``rp_id`` is the site's host name and ``origin`` its scheme://host[:port], from PUBLIC_URL."""

    def __init__(
        self, store: Store, attempts: AttemptLimiter, rp_id: str, origin: str, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.store = store
        self.attempts = attempts
        self.rp_id = rp_id
        self.origin = origin
        self.clock = clock

    async def of_account(self, user_id: int) -> list[Passkey]:
        async with self.store._guard(), self.store.session() as session:
            rows = await session.scalars(select(PasskeyRow).where(PasskeyRow.user_id == user_id).order_by(PasskeyRow.id))
            return [Passkey(r.id, r.name, r.created_at, r.last_used_at) for r in rows]

    async def any(self, user_id: int) -> bool:
        return bool(await self.of_account(user_id))

    async def remove(self, user_id: int, passkey_id: int) -> bool:
        async with self.store._guard(), self.store.session() as session, session.begin():
            result = await session.execute(
                delete(PasskeyRow).where(PasskeyRow.user_id == user_id, PasskeyRow.id == passkey_id)
                .execution_options(synchronize_session=False)
            )
            return bool(getattr(result, "rowcount", 0))

    # -- registration --------------------------------------------------------------------------

    async def registration_options(self, user_id: int, user_name: str) -> dict[str, Any]:
        """The ``PublicKeyCredentialCreationOptions`` (JSON form) for ``navigator.credentials.create``."""
        existing = await self._credentials(user_id)
        options = webauthn.generate_registration_options(
            rp_id=self.rp_id, rp_name=RP_NAME, user_name=user_name or f"account {user_id}",
            user_id=f"pagemagic:{user_id}".encode(),
            authenticator_selection=AuthenticatorSelectionCriteria(
                resident_key=ResidentKeyRequirement.DISCOURAGED, user_verification=UserVerificationRequirement.PREFERRED,
            ),
            exclude_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(c.credential_id)) for c in existing],
        )
        await self._remember(user_id, options.challenge, "register")
        answer: dict[str, Any] = json.loads(options_to_json(options))
        return answer

    async def register(self, user_id: int, credential: dict[str, Any] | str, name: str = "", address: str = "") -> Passkey:
        await self._limits(user_id, address)
        challenge = await self._take(user_id, credential, "register")
        try:
            if challenge is None:
                raise InvalidRegistrationResponse("no such challenge")
            verified = webauthn.verify_registration_response(
                credential=credential, expected_challenge=challenge, expected_rp_id=self.rp_id, expected_origin=self.origin,
            )
        except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as error:
            await self._failed(user_id, address)
            raise SecondFactorInvalid("passkey registration") from error
        row = PasskeyRow(
            user_id=user_id, credential_id=bytes_to_base64url(verified.credential_id),
            public_key=bytes_to_base64url(verified.credential_public_key), sign_count=verified.sign_count,
            name=(name.strip() or RP_NAME)[:80], created_at=self.clock(),
        )
        async with self.store._guard(), self.store.session() as session, session.begin():
            if await session.scalar(select(PasskeyRow.id).where(PasskeyRow.credential_id == row.credential_id)):
                raise SecondFactorInvalid("passkey already registered")
            session.add(row)
            await session.flush()
            return Passkey(row.id, row.name, row.created_at, None)

    # -- use -----------------------------------------------------------------------------------

    async def authentication_options(self, user_id: int) -> dict[str, Any]:
        """The ``PublicKeyCredentialRequestOptions`` (JSON form) for ``navigator.credentials.get``."""
        existing = await self._credentials(user_id)
        if not existing:
            raise SecondFactorInvalid("no passkey")
        options = webauthn.generate_authentication_options(
            rp_id=self.rp_id,
            allow_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(c.credential_id)) for c in existing],
            user_verification=UserVerificationRequirement.PREFERRED,
        )
        await self._remember(user_id, options.challenge, "verify")
        answer: dict[str, Any] = json.loads(options_to_json(options))
        return answer

    async def verify(self, user_id: int, credential: dict[str, Any] | str, address: str = "") -> None:
        """An assertion from one of the account's passkeys, for a challenge it was handed; else ``SecondFactorInvalid``."""
        await self._limits(user_id, address)
        challenge = await self._take(user_id, credential, "verify")
        data = json.loads(credential) if isinstance(credential, str) else credential
        async with self.store._guard(), self.store.session() as session, session.begin():
            row = await session.scalar(
                select(PasskeyRow).where(PasskeyRow.user_id == user_id, PasskeyRow.credential_id == str(data.get("id", "")))
            )
            try:
                if challenge is None or row is None:
                    raise InvalidAuthenticationResponse("no such challenge or passkey")
                verified = webauthn.verify_authentication_response(
                    credential=credential, expected_challenge=challenge, expected_rp_id=self.rp_id,
                    expected_origin=self.origin, credential_public_key=base64url_to_bytes(row.public_key),
                    credential_current_sign_count=row.sign_count,
                )
            except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError) as error:
                failed = error
            else:
                row.sign_count, row.last_used_at = verified.new_sign_count, self.clock()
                return
        await self._failed(user_id, address)
        raise SecondFactorInvalid("passkey") from failed

    # -- challenges ----------------------------------------------------------------------------

    async def _remember(self, user_id: int, challenge: bytes, purpose: str) -> None:
        now = self.clock()
        async with self.store._guard(), self.store.session() as session, session.begin():
            await session.execute(delete(PasskeyChallengeRow).where(PasskeyChallengeRow.expires_at < now))
            session.add(PasskeyChallengeRow(
                user_id=user_id, challenge_hash=digest(bytes_to_base64url(challenge)), purpose=purpose,
                expires_at=now + CHALLENGE_LIFE,
            ))

    async def _take(self, user_id: int, credential: dict[str, Any] | str, purpose: str) -> bytes | None:
        """The challenge the response answers, if it was ours for this account and purpose, live and unused; now used."""
        try:
            data = json.loads(credential) if isinstance(credential, str) else credential
            client = json.loads(base64url_to_bytes(data["response"]["clientDataJSON"]))
            challenge = str(client["challenge"])
        except (ValueError, KeyError, TypeError):
            return None
        async with self.store._guard(), self.store.session() as session, session.begin():
            result = await session.execute(
                update(PasskeyChallengeRow)
                .where(
                    PasskeyChallengeRow.user_id == user_id, PasskeyChallengeRow.purpose == purpose,
                    PasskeyChallengeRow.challenge_hash == digest(challenge), PasskeyChallengeRow.used_at.is_(None),
                    PasskeyChallengeRow.expires_at > self.clock(),
                )
                .values(used_at=self.clock())
                .execution_options(synchronize_session=False)
            )
        return base64url_to_bytes(challenge) if getattr(result, "rowcount", 0) else None

    async def _credentials(self, user_id: int) -> list[PasskeyRow]:
        async with self.store._guard(), self.store.session() as session:
            return list(await session.scalars(select(PasskeyRow).where(PasskeyRow.user_id == user_id)))

    async def _limits(self, user_id: int, address: str) -> None:
        await self.attempts.check(f"2fa:account:{user_id}", SECOND_FACTOR)
        if address:
            await self.attempts.check(f"2fa:address:{address}", SECOND_FACTOR)

    async def _failed(self, user_id: int, address: str) -> None:
        await self.attempts.fail(f"2fa:account:{user_id}", SECOND_FACTOR)
        if address:
            await self.attempts.fail(f"2fa:address:{address}", SECOND_FACTOR)
