"""Migrations that change data or constraints, run on SQLite and PostgreSQL from the revision before them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.storage.database import alembic_config, create_engine

NOW = datetime(2030, 1, 1, tzinfo=UTC)


async def upgrade(engine: AsyncEngine, revision: str) -> None:
    def run(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
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
