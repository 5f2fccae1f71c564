"""Account tables: sessions, one-time codes and links, two-factor, API tokens, team grants, tombstones.

An account is a ``users`` row; its identities are ``chat_identities`` rows (Telegram user,
Slack user per workspace, terminal, email). Every secret a user is handed (a session cookie,
a sign-in link, a link code, an API token, a recovery code) is stored only as its SHA-256:
the database alone signs nobody in. Migration: 0012_accounts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.tables import Base, UtcDateTime, utcnow


class LinkCodeRow(Base):
    """``/link`` in one chat: a short code the person types in another chat (10 minutes, single use)."""

    __tablename__ = "account_link_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class PendingActionRow(Base):
    """A sensitive action asked in a chat, waiting for its confirmation button (merge, deletion)."""

    __tablename__ = "account_pending_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    nonce: Mapped[str] = mapped_column(String(32), unique=True)
    action: Mapped[str] = mapped_column(String(30))
    step: Mapped[int] = mapped_column(Integer, default=1)
    argument: Mapped[str] = mapped_column(String(200), default="")
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class SignInLinkRow(Base):
    """A one-time web link: dashboard sign-in from a chat, an emailed sign-in, an email check."""

    __tablename__ = "account_sign_in_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(20))  # sign_in | verify_email
    payload: Mapped[str] = mapped_column(String(254), default="")  # the address a verify_email link proves
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class SessionRow(Base):
    """A signed-in browser. ``second_factor``: TOTP done (or not needed) at sign-in;
    ``verified_at``: the last time a code was typed (sensitive actions want it recent)."""

    __tablename__ = "account_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(20))
    second_factor: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())


class TotpRow(Base):
    """The account's TOTP secret (encrypted); ``confirmed_at`` None while enrolment is unfinished."""

    __tablename__ = "account_totp"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    secret: Mapped[str] = mapped_column(Text)
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    last_step: Mapped[int] = mapped_column(BigInteger, default=0)  # a code's time step is used once
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class RecoveryCodeRow(Base):
    __tablename__ = "account_recovery_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class ApiTokenRow(Base):
    """A bearer token for the JSON API: shown once, kept as a hash, revocable."""

    __tablename__ = "account_api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    prefix: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(40))  # "read" or "read publish"
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class GrantRow(Base):
    """A role a team (or group) account gives one of its people, on top of the platform's own roles."""

    __tablename__ = "account_grants"
    __table_args__ = (UniqueConstraint("team_id", "platform", "workspace", "external_id", name="uq_account_grant"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(20))
    workspace: Mapped[str] = mapped_column(String(100), default="")
    external_id: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class DeletedAccountRow(Base):
    """What a deleted account leaves: only what billing law asks for, and nothing that names the person."""

    __tablename__ = "account_deletions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deleted_at: Mapped[datetime] = mapped_column(UtcDateTime())
    retain_until: Mapped[datetime] = mapped_column(UtcDateTime())
    stripe_customer: Mapped[str] = mapped_column(String(100), default="")
    plan: Mapped[str] = mapped_column(String(40), default="")
    kept: Mapped[str] = mapped_column(Text, default="")  # what was kept, for whoever answers a tax audit


class PasskeyRow(Base):
    """A WebAuthn credential (a passkey) the account registered as a second factor. Migration: 0013_passkeys.

    Only the public key is kept; ``sign_count`` is the authenticator's counter last seen, which a
    cloned authenticator gives away by not moving forward.
    """

    __tablename__ = "account_passkeys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    credential_id: Mapped[str] = mapped_column(String(400), unique=True)  # base64url, as browsers send it
    public_key: Mapped[str] = mapped_column(Text)  # COSE key, base64url
    sign_count: Mapped[int] = mapped_column(BigInteger, default=0)
    name: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class PasskeyChallengeRow(Base):
    """A WebAuthn challenge handed to a browser: kept as its SHA-256, used once, for five minutes."""

    __tablename__ = "account_passkey_challenges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    challenge_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(12))  # "register" or "verify"
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
