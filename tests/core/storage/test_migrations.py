"""Migrations that change data or constraints, run on SQLite and PostgreSQL from the revision before them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.errors import TokenKeyMissing
from core.sealing import SecretBox
from core.storage.database import alembic_config, create_engine
from core.storage.slack_tables import token_binding

NOW = datetime(2030, 1, 1, tzinfo=UTC)


async def upgrade(engine: AsyncEngine, revision: str, box: SecretBox | None = None) -> None:
    def run(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        config.attributes["secret_box"] = box
        command.upgrade(config, revision)

    async with engine.begin() as connection:
        await connection.run_sync(run)


async def execute(engine: AsyncEngine, sql: str, **params: object) -> None:
    async with engine.begin() as connection:
        await connection.execute(text(sql), params)


async def rows(engine: AsyncEngine, sql: str) -> list[tuple[object, ...]]:
    async with engine.connect() as connection:
        return [tuple(row) for row in await connection.execute(text(sql))]


async def test_domain_claims_migration_keeps_domains_and_their_states(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade(engine, "0006_domains")
        await execute(engine, "INSERT INTO users (id, display_name, plan, created_at) VALUES (1, 'a', 'free', :t)", t=NOW)
        for site in (1, 2):
            await execute(
                engine,
                "INSERT INTO sites (id, owner_id, slug, name, current_version, head_version, preview_token, "
                "preview_expires_at, created_at, updated_at) VALUES (:id, 1, :slug, 'n', 1, 1, :token, :t, :t, :t)",
                id=site, slug=f"s{site}", token=f"tok{site}", t=NOW,
            )
        await execute(
            engine, "INSERT INTO domains (id, site_id, name, status, token, created_at) "
            "VALUES (7, 1, 'padaria.pt', 'active', 'x', :t)", t=NOW,
        )
        await execute(
            engine, "INSERT INTO domain_states (domain_id, detail, attempts, not_after, updated_at) "
            "VALUES (7, '', 0, :t, :t)", t=NOW,
        )

        await upgrade(engine, "heads")
        assert await rows(engine, "SELECT id, site_id, name, status FROM domains") == [(7, 1, "padaria.pt", "active")]
        assert await rows(engine, "SELECT domain_id FROM domain_states") == [(7,)]  # not lost to the table rebuild

        for site in (1, 2):  # two claims on one unproven name may coexist...
            await execute(
                engine, "INSERT INTO domains (site_id, name, status, token, created_at) "
                "VALUES (:site, 'loja.pt', 'pending_dns', :token, :t)", site=site, token=f"c{site}", t=NOW,
            )
        with pytest.raises(IntegrityError):  # ...but only one site holds a name
            await execute(
                engine, "INSERT INTO domains (site_id, name, status, token, created_at) "
                "VALUES (2, 'padaria.pt', 'verified', 'y', :t)", t=NOW,
            )
        with pytest.raises(IntegrityError):  # and a site claims a name once
            await execute(
                engine, "INSERT INTO domains (site_id, name, status, token, created_at) "
                "VALUES (1, 'loja.pt', 'pending_dns', 'z', :t)", t=NOW,
            )
    finally:
        await engine.dispose()


INSTALL = (
    "INSERT INTO slack_installations (id, enterprise_id, team_id, team_name, app_id, is_enterprise_install, bot_token, "
    "bot_id, bot_user_id, bot_scopes, installer_user_id, user_token, user_scopes, installed_at, revoked_reason) "
    "VALUES (:id, '', :team, 'n', 'A1', false, :bot, 'B1', 'UB1', 'commands', 'U1', :user, '', :t, '')"
)
KEY = SecretBox(b"k" * 32)


async def _plain_slack_rows(engine: AsyncEngine) -> None:
    await upgrade(engine, "0002_slack")
    await execute(engine, INSTALL, id=1, team="T1", bot="xoxb-1-plain-secret", user="xoxp-1-user-secret", t=NOW)
    await execute(engine, INSTALL, id=2, team="T2", bot="xoxb-2-plain-secret", user=None, t=NOW)


async def test_slack_tokens_left_in_plain_text_are_sealed_by_the_migration(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await _plain_slack_rows(engine)
        await upgrade(engine, "heads", box=KEY)
        stored = await rows(engine, "SELECT team_id, bot_token, user_token FROM slack_installations ORDER BY id")
        assert all("secret" not in str(value) for row in stored for value in row), stored
        (_, bot1, user1), (_, bot2, user2) = stored
        assert KEY.open(str(bot1), token_binding("", "T1", "bot")) == "xoxb-1-plain-secret"
        assert KEY.open(str(user1), token_binding("", "T1", "user")) == "xoxp-1-user-secret"
        assert KEY.open(str(bot2), token_binding("", "T2", "bot")) == "xoxb-2-plain-secret" and user2 is None
        with pytest.raises(TokenKeyMissing):  # bound to its workspace: T1's blob does not open as T2's
            KEY.open(str(bot1), token_binding("", "T2", "bot"))
    finally:
        await engine.dispose()


async def test_without_the_key_the_migration_stops_and_says_what_to_set(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await _plain_slack_rows(engine)
        with pytest.raises(TokenKeyMissing, match=r"2 Slack installation.*PAGEMAGIC_TOKEN_KEY"):
            await upgrade(engine, "heads")
        plain = await rows(engine, "SELECT bot_token FROM slack_installations ORDER BY id")
        assert plain == [("xoxb-1-plain-secret",), ("xoxb-2-plain-secret",)]  # untouched: nothing half-done
    finally:
        await engine.dispose()
