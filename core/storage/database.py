"""The database connection: engine, sessions and migrations at start-up.

SQLite (the embedded default) gets WAL and a busy timeout so two chats can
share one file, and the file is its owner's alone (0600); PostgreSQL is used
as is. Migrations run through Alembic on
the application's own async connection, serialised between processes (an
advisory lock on PostgreSQL, a file lock on SQLite) so several processes
starting at once cannot race.
"""

from __future__ import annotations

import asyncio
import fcntl
import weakref
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from core.errors import StorageUnavailable
from core.private_files import create_private, make_private
from core.sealing import SecretBox
from core.storage.write_turns import WriteTurns, session_class

MIGRATIONS = Path(__file__).with_name("migrations")
_PG_MIGRATION_LOCK = 0x5A6E  # any constant shared by all Page Magic processes


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def create_engine(url: str) -> AsyncEngine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            _private_sqlite(Path(path))
        engine = create_async_engine(url, connect_args={"timeout": 30})
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _private_sqlite(database: Path) -> None:
    """The database file is the owner's alone (0600); SQLite gives its -wal and -shm the same mode.

    Created before SQLite opens it (SQLite would make it 0644); an existing one,
    and its -wal, -shm or -journal, are tightened.
    """
    database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    create_private(database)
    for suffix in ("-wal", "-shm", "-journal"):
        make_private(database.with_name(database.name + suffix))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a process crash loses nothing; a power
    # cut or OS crash cannot corrupt the file but can lose the last commits before it (FULL fsyncs each
    # commit: ~2x slower sign-ins). PostgreSQL, the production database, is not affected.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


_TURNS: weakref.WeakKeyDictionary[Engine, WriteTurns] = weakref.WeakKeyDictionary()


def session_factory(engine: AsyncEngine) -> async_sessionmaker[Any]:
    """Sessions of ``engine``; on SQLite their write transactions take turns (``core.storage.write_turns``),
    one queue per engine however many factories are made of it."""
    if engine.dialect.name != "sqlite":
        return async_sessionmaker(engine, expire_on_commit=False)
    turns = _TURNS.setdefault(engine.sync_engine, WriteTurns())
    return async_sessionmaker(engine, class_=session_class(turns), expire_on_commit=False)


async def migrate(engine: AsyncEngine, lock_dir: Path | None = None, box: SecretBox | None = None) -> None:
    """Bring the schema to the newest revision; safe to call from many processes at once.

    ``box`` (from ``PAGEMAGIC_TOKEN_KEY``) lets a migration seal secrets that older
    versions stored in plain text; without it such a migration stops and says so.
    """
    try:
        if engine.dialect.name == "sqlite" and lock_dir is not None:
            lock_dir.mkdir(parents=True, exist_ok=True)
            with open(lock_dir / ".migrate.lock", "w") as lock:
                await asyncio.to_thread(fcntl.flock, lock, fcntl.LOCK_EX)
                try:
                    await _upgrade(engine, box)
                finally:
                    fcntl.flock(lock, fcntl.LOCK_UN)
        else:
            await _upgrade(engine, box)
    except (OSError, OperationalError) as exc:
        raise StorageUnavailable(type(exc).__name__) from exc


async def _upgrade(engine: AsyncEngine, box: SecretBox | None) -> None:
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade_sync, box)


def _upgrade_sync(connection: Connection, box: SecretBox | None = None) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
    config = alembic_config()
    config.attributes["connection"] = connection
    config.attributes["secret_box"] = box
    # "heads": independent features may add migration branches; each is applied.
    command.upgrade(config, "heads")
