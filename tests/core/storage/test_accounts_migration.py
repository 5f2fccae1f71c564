"""Migration 0012_accounts on SQLite and PostgreSQL: users made before accounts existed become
person accounts with their identity, and keep their sites."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection

from core.accounts.directory import AccountDirectory
from core.storage.database import alembic_config, create_engine, migrate
from core.storage.store import Store

MINE = "0012_accounts"


def _upgrade_all_but_accounts(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    script = ScriptDirectory.from_config(config)
    for head in script.get_heads():  # every branch that does not need accounts (later ones build on it)
        if MINE not in {r.revision for r in script.iterate_revisions(head, "base")}:
            command.upgrade(config, head)


async def test_existing_users_become_person_accounts_with_their_identity(database_url: str, tmp_path: Path) -> None:
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_upgrade_all_but_accounts)
            await connection.execute(text(
                "INSERT INTO users (id, display_name, plan, created_at) VALUES (41, 'Ana', 'pro', CURRENT_TIMESTAMP)"))
            await connection.execute(text(
                "INSERT INTO chat_identities (user_id, platform, workspace, external_id, created_at) "
                "VALUES (41, 'telegram', '', '7001', CURRENT_TIMESTAMP)"))
        await migrate(engine, lock_dir=tmp_path)
        directory = AccountDirectory(Store(engine))
        account = await directory.account(41)
        assert account is not None and (account.kind, account.plan, account.display_name) == ("person", "pro", "Ana")
        assert [(i.platform, i.external_id) for i in await directory.identities(41)] == [("telegram", "7001")]
        async with engine.connect() as connection:
            tables = {row[0] for row in (await connection.execute(text(
                "SELECT name FROM sqlite_master WHERE type='table'" if engine.dialect.name == "sqlite"
                else "SELECT tablename FROM pg_tables WHERE schemaname='public'"))).all()}
        assert {"account_sessions", "account_link_codes", "account_totp", "account_api_tokens", "account_deletions"} <= tables
    finally:
        await engine.dispose()
