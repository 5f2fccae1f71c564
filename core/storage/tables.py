"""SQLAlchemy models. Site versions are immutable rows; a site points at its current one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

JsonDocument = JSON().with_variant(JSONB(), "postgresql")
# A JSON column that may hold nothing: Python's None is SQL NULL, not the JSON value null.
NullableJson = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    """An account: a person (with one or more identities) or a team (a Slack workspace, a Telegram group)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    plan: Mapped[str] = mapped_column(String(40), default="free")
    kind: Mapped[str] = mapped_column(String(10), default="person", server_default="person")  # person | team
    language: Mapped[str | None] = mapped_column(String(10), nullable=True)  # the locale of its last chat
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class ChatIdentityRow(Base):
    __tablename__ = "chat_identities"
    __table_args__ = (UniqueConstraint("platform", "workspace", "external_id", name="uq_identity"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(20))
    workspace: Mapped[str] = mapped_column(String(100), default="")
    external_id: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class ConversationRow(Base):
    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("platform", "workspace", "chat_id", name="uq_conversation"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    workspace: Mapped[str] = mapped_column(String(100), default="")
    chat_id: Mapped[str] = mapped_column(String(100))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    language: Mapped[str | None] = mapped_column(String(10), nullable=True)  # a locale: "pt_BR"
    language_chosen: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # by /language
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class TurnRow(Base):
    __tablename__ = "conversation_turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class SiteRow(Base):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    current_version: Mapped[int] = mapped_column(Integer)
    head_version: Mapped[int] = mapped_column(Integer)
    preview_token: Mapped[str] = mapped_column(String(64), unique=True)
    preview_expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class SiteVersionRow(Base):
    """One version: the whole site (``spec``, a snapshot) or its edits from the parent (``delta``).

    See ``core.storage.version_codec``; exactly one of the two is set.
    """

    __tablename__ = "site_versions"
    __table_args__ = (UniqueConstraint("site_id", "number", name="uq_site_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    parent_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    spec: Mapped[dict[str, Any] | None] = mapped_column(NullableJson, nullable=True)
    delta: Mapped[dict[str, Any] | None] = mapped_column(NullableJson, nullable=True)
    instruction: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class DeploymentRow(Base):
    __tablename__ = "deployments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    backend: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(String(500), default="")
    release: Mapped[str] = mapped_column(String(200), default="")
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


# A domain row is a site's claim on a name. Unproven claims (``pending_dns``) of several sites may
# coexist; the first proven by DNS holds the name, and at most one row per name is held. A claim
# that lost the race or was never proven ends ``lost`` or ``expired`` and is kept to tell its owner.
DOMAIN_CLAIMED = "pending_dns"
DOMAIN_ENDED = ("lost", "expired")
_NOT_HELD = "status NOT IN ('pending_dns', 'lost', 'expired')"


class DomainRow(Base):
    __tablename__ = "domains"
    __table_args__ = (
        UniqueConstraint("site_id", "name", name="uq_domain_site_name"),
        Index("uq_domains_held_name", "name", unique=True, sqlite_where=text(_NOT_HELD), postgresql_where=text(_NOT_HELD)),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(253))
    status: Mapped[str] = mapped_column(String(20))
    token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class UsageEventRow(Base):
    __tablename__ = "usage_events"
    __table_args__ = (Index("ix_usage_user_metric_time", "user_id", "metric", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"), nullable=True)
    metric: Mapped[str] = mapped_column(String(40))
    quantity: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class JobRow(Base):
    """A unit of long work (publish, unpublish): its state is what the chat reports.

    ``lease_owner``/``lease_until`` give one worker at a time the right to run
    it; a worker that dies stops renewing its lease, and another one takes the
    job over once the lease has expired.
    """

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_site_state", "site_id", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")
    result_url: Mapped[str] = mapped_column(String(500), default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_owner: Mapped[str] = mapped_column(String(80), default="")
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    not_before: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
