"""Tables the Slack front door keeps: installations (bot tokens), OAuth states, site threads.

Plain SQLAlchemy models on the shared ``Base``; nothing here knows slack_sdk.
Tokens are stored sealed (AES-256-GCM under ``PAGEMAGIC_TOKEN_KEY``, see
``core.sealing``), never in plain text.
The installation store that speaks slack_sdk's interface lives in
``bots/slack/installations.py`` and reads and writes these rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.tables import Base, UtcDateTime, utcnow


def token_binding(enterprise_id: str, team_id: str, kind: str) -> str:
    """What a sealed token is bound to (``core.sealing``): its workspace and whether it is the bot's or the
    installer's, so a token copied into another workspace's row does not open."""
    return f"slack:{enterprise_id}:{team_id}:{kind}"


class SlackInstallationRow(Base):
    """The latest installation of the app in one workspace (or Enterprise Grid org)."""

    __tablename__ = "slack_installations"
    __table_args__ = (UniqueConstraint("enterprise_id", "team_id", name="uq_slack_installation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[str] = mapped_column(String(32), default="")
    team_id: Mapped[str] = mapped_column(String(32), default="")
    team_name: Mapped[str] = mapped_column(String(200), default="")
    app_id: Mapped[str] = mapped_column(String(32), default="")
    is_enterprise_install: Mapped[bool] = mapped_column(Boolean, default=False)
    bot_token: Mapped[str] = mapped_column(Text, default="")  # sealed: see token_binding
    bot_id: Mapped[str] = mapped_column(String(32), default="")
    bot_user_id: Mapped[str] = mapped_column(String(32), default="")
    bot_scopes: Mapped[str] = mapped_column(Text, default="")
    installer_user_id: Mapped[str] = mapped_column(String(32), default="")
    user_token: Mapped[str | None] = mapped_column(Text, nullable=True)  # sealed too
    user_scopes: Mapped[str] = mapped_column(Text, default="")
    installed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    revoked_reason: Mapped[str] = mapped_column(String(64), default="")


class SlackOAuthStateRow(Base):
    """A one-time ``state`` of an install attempt (CSRF protection of the OAuth redirect)."""

    __tablename__ = "slack_oauth_states"

    state: Mapped[str] = mapped_column(String(100), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SlackThreadRow(Base):
    """The thread in a channel where that channel's site is discussed."""

    __tablename__ = "slack_threads"
    __table_args__ = (UniqueConstraint("team_id", "channel_id", name="uq_slack_thread"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[str] = mapped_column(String(32))
    thread_ts: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
