"""Slack installations in our database: slack_sdk's installation and OAuth-state stores.

Each workspace keeps one row, its latest installation; a revoked token (an
``invalid_auth`` answer, a ``tokens_revoked`` event or an uninstall) marks the
row instead of deleting it, so the workspace is told once and can reinstall.

Tokens are sealed at rest with ``PAGEMAGIC_TOKEN_KEY`` (``core.sealing``). A
token sealed under an earlier key (``PAGEMAGIC_TOKEN_KEY_PREVIOUS``) is sealed
again under the current one when read; one no configured key opens is logged
with what to do, and the workspace counts as not installed until it
reinstalls (which stores a token under the current key).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.async_authorize import AsyncAuthorize
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.errors import TokenKeyMissing
from core.sealing import SecretBox, is_sealed
from core.storage.database import session_factory
from core.storage.slack_tables import SlackInstallationRow, SlackOAuthStateRow, token_binding

_log = logging.getLogger(__name__)


def _scopes(value: str | Sequence[str] | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else ",".join(value)


class SqlInstallationStore(AsyncInstallationStore):
    """slack_sdk's ``AsyncInstallationStore`` on our SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: AsyncEngine, box: SecretBox) -> None:
        self._sessions: async_sessionmaker[AsyncSession] = session_factory(engine)
        self._box = box

    @property
    def logger(self) -> logging.Logger:
        return _log

    async def async_save(self, installation: Installation) -> None:
        await self._upsert(
            enterprise_id=installation.enterprise_id or "",
            team_id="" if installation.is_enterprise_install else installation.team_id or "",
            team_name=installation.team_name or "",
            app_id=installation.app_id or "",
            is_enterprise_install=bool(installation.is_enterprise_install),
            bot_token=installation.bot_token or "",
            bot_id=installation.bot_id or "",
            bot_user_id=installation.bot_user_id or "",
            bot_scopes=_scopes(installation.bot_scopes),
            installer_user_id=installation.user_id or "",
            user_token=installation.user_token,
            user_scopes=_scopes(installation.user_scopes),
        )

    async def async_save_bot(self, bot: Bot) -> None:
        await self._upsert(
            enterprise_id=bot.enterprise_id or "",
            team_id="" if bot.is_enterprise_install else bot.team_id or "",
            team_name=bot.team_name or "",
            app_id=bot.app_id or "",
            is_enterprise_install=bool(bot.is_enterprise_install),
            bot_token=bot.bot_token,
            bot_id=bot.bot_id,
            bot_user_id=bot.bot_user_id,
            bot_scopes=_scopes(bot.bot_scopes),
        )

    async def _upsert(self, *, enterprise_id: str, team_id: str, **values: Any) -> None:
        for kind in ("bot", "user"):
            token = values.get(f"{kind}_token")
            if token:
                values[f"{kind}_token"] = self._box.seal(token, token_binding(enterprise_id, team_id, kind))
        async with self._sessions() as session, session.begin():
            row = await session.scalar(self._where(enterprise_id, team_id))
            if row is None:
                row = SlackInstallationRow(enterprise_id=enterprise_id, team_id=team_id)
                session.add(row)
            for key, value in values.items():
                setattr(row, key, value)
            row.installed_at = datetime.now(UTC)
            row.revoked_at = None
            row.revoked_reason = ""

    async def async_find_bot(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False
    ) -> Bot | None:
        row = await self._active(enterprise_id, team_id, is_enterprise_install)
        if row is None or not row.bot_token:
            return None
        return Bot(
            app_id=row.app_id or None,
            enterprise_id=row.enterprise_id or None,
            team_id=row.team_id or None,
            team_name=row.team_name or None,
            bot_token=row.bot_token,
            bot_id=row.bot_id,
            bot_user_id=row.bot_user_id,
            bot_scopes=row.bot_scopes,
            is_enterprise_install=row.is_enterprise_install,
            installed_at=row.installed_at.timestamp(),
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        row = await self._active(enterprise_id, team_id, is_enterprise_install)
        if row is None or (user_id is not None and user_id != row.installer_user_id):
            return None
        return Installation(
            app_id=row.app_id or None,
            enterprise_id=row.enterprise_id or None,
            team_id=row.team_id or None,
            team_name=row.team_name or None,
            bot_token=row.bot_token or None,
            bot_id=row.bot_id or None,
            bot_user_id=row.bot_user_id or None,
            bot_scopes=row.bot_scopes,
            user_id=row.installer_user_id,
            user_token=row.user_token,
            user_scopes=row.user_scopes,
            is_enterprise_install=row.is_enterprise_install,
            installed_at=row.installed_at.timestamp(),
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.mark_revoked(enterprise_id, team_id, "tokens_revoked")

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        if user_id is None:
            await self.mark_revoked(enterprise_id, team_id, "app_uninstalled")

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.mark_revoked(enterprise_id, team_id, "app_uninstalled")

    async def mark_revoked(self, enterprise_id: str | None, team_id: str | None, reason: str) -> bool:
        """Mark the workspace's installation unusable; True only for the call that marked it."""
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                update(SlackInstallationRow)
                .where(
                    SlackInstallationRow.enterprise_id == (enterprise_id or ""),
                    SlackInstallationRow.team_id == (team_id or ""),
                    SlackInstallationRow.revoked_at.is_(None),
                )
                .values(revoked_at=datetime.now(UTC), revoked_reason=reason[:64])
            )
            return bool(getattr(result, "rowcount", 0))

    async def revoked(self, enterprise_id: str | None, team_id: str | None) -> bool:
        """Whether the workspace installed the app once and its token was revoked since."""
        async with self._sessions() as session:
            row = await session.scalar(self._where(enterprise_id or "", team_id or ""))
            return row is not None and row.revoked_at is not None

    async def _active(
        self, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None
    ) -> SlackInstallationRow | None:
        """The workspace's usable installation, its tokens opened (the row is detached: never saved as is)."""
        async with self._sessions() as session:
            row = await session.scalar(
                self._where(enterprise_id or "", "" if is_enterprise_install else team_id or "")
            )
            if not isinstance(row, SlackInstallationRow) or row.revoked_at is not None:
                return None
            session.expunge(row)
        sealed = {"bot": row.bot_token, "user": row.user_token or ""}
        opened: dict[str, str] = {}
        try:
            for kind, value in sealed.items():
                binding = token_binding(row.enterprise_id, row.team_id, kind)
                opened[kind] = self._box.open(value, binding) if is_sealed(value) else value
        except TokenKeyMissing as error:
            _log.error(
                "Slack workspace %s: its token cannot be opened (%s). Set PAGEMAGIC_TOKEN_KEY_PREVIOUS to the key "
                "it was sealed with, or reinstall the app in that workspace.", row.team_id or row.enterprise_id,
                error.detail,
            )
            return None
        if any(value and self._box.stale(value) for value in sealed.values()):
            await self._reseal(row.id, opened)
        row.bot_token, row.user_token = opened["bot"], opened["user"] or row.user_token
        return row

    async def _reseal(self, row_id: int, opened: dict[str, str]) -> None:
        """Seal the row's tokens again under the current key (after a rotation, or a plain-text row)."""
        async with self._sessions() as session, session.begin():
            row = await session.get(SlackInstallationRow, row_id)
            if row is None:
                return
            for kind in ("bot", "user"):
                if opened[kind]:
                    binding = token_binding(row.enterprise_id, row.team_id, kind)
                    setattr(row, f"{kind}_token", self._box.seal(opened[kind], binding))

    @staticmethod
    def _where(enterprise_id: str, team_id: str) -> Any:
        return select(SlackInstallationRow).where(
            SlackInstallationRow.enterprise_id == enterprise_id, SlackInstallationRow.team_id == team_id
        )


class SqlOAuthStateStore(AsyncOAuthStateStore):
    """One-time OAuth ``state`` values in the database, so any replica can finish an install."""

    def __init__(self, engine: AsyncEngine, expiration_seconds: int = 600) -> None:
        self._sessions: async_sessionmaker[AsyncSession] = session_factory(engine)
        self._ttl = timedelta(seconds=expiration_seconds)

    @property
    def logger(self) -> logging.Logger:
        return _log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        async with self._sessions() as session, session.begin():
            await session.execute(delete(SlackOAuthStateRow).where(SlackOAuthStateRow.expires_at < now))
            session.add(SlackOAuthStateRow(state=state, expires_at=now + self._ttl))
        return state

    async def async_consume(self, state: str) -> bool:
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                delete(SlackOAuthStateRow).where(
                    SlackOAuthStateRow.state == state, SlackOAuthStateRow.expires_at >= datetime.now(UTC)
                )
            )
            return bool(getattr(result, "rowcount", 0))


class StoreAuthorize(AsyncAuthorize):
    """Bolt's authorize step from our stored installations, without an auth.test per request.

    A token revoked on Slack's side shows up as ``invalid_auth`` on the first real
    call; the adapter then marks the row (``mark_revoked``) and this returns None.
    """

    def __init__(self, installations: SqlInstallationStore) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.installations = installations

    async def __call__(
        self,
        *,
        context: AsyncBoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        actor_enterprise_id: str | None = None,
        actor_team_id: str | None = None,
        actor_user_id: str | None = None,
    ) -> AuthorizeResult | None:
        bot = await self.installations.async_find_bot(
            enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=context.is_enterprise_install
        )
        if bot is None:
            return None
        return AuthorizeResult(
            enterprise_id=bot.enterprise_id,
            team_id=bot.team_id,
            team=bot.team_name,
            bot_user_id=bot.bot_user_id,
            bot_id=bot.bot_id,
            bot_token=bot.bot_token,
            bot_scopes=bot.bot_scopes,
            user_id=user_id,
        )
