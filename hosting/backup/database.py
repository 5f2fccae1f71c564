"""The database's part of a backup: PostgreSQL through ``pg_dump``/``pg_restore`` (custom format),
SQLite through its online backup API.

PostgreSQL is copied from an exported snapshot (``pg_export_snapshot``): the backup opens it while
the usage drain is held off (hosting/usage_lock.py), reads Redis, lets the drain go, and only then
runs ``pg_dump --snapshot``, which can take minutes without holding anything up. The password goes
to the tools in ``PGPASSWORD``, never on a command line.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from hosting.backup.errors import BackupError


@dataclass(frozen=True)
class Postgres:
    """Where libpq's tools find the database of a SQLAlchemy URL."""

    dsn: str  # postgresql://user@host:port/db?sslmode=... (no password)
    password: str | None

    @classmethod
    def from_url(cls, url: str) -> Postgres:
        parts = make_url(url)
        if not parts.drivername.startswith("postgresql"):
            raise BackupError(f"not a PostgreSQL URL ({parts.drivername})")
        query = {k: v for k, v in parts.query.items() if k in ("sslmode", "sslrootcert", "sslcert", "sslkey")}
        ssl = parts.query.get("ssl")
        if ssl and "sslmode" not in query:
            query["sslmode"] = "require" if ssl in ("true", "1") else str(ssl)
        plain = parts.set(drivername="postgresql", password=None, query=query)
        return cls(plain.render_as_string(hide_password=False), parts.password)

    def env(self) -> dict[str, str]:
        values = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        if self.password is not None:
            values["PGPASSWORD"] = self.password
        return values


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


async def _run(args: list[str], env: dict[str, str]) -> str:
    process = await asyncio.create_subprocess_exec(
        *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await process.communicate()
    if process.returncode != 0:
        words = err.decode(errors="replace").strip().splitlines()
        raise BackupError(f"{Path(args[0]).name} failed: {' '.join(words[-3:]) or f'exit {process.returncode}'}")
    return out.decode(errors="replace")


async def check_versions(engine: AsyncEngine) -> int:
    """The server's major version; refuses a pg_dump older than the server (it cannot read it)."""
    async with engine.connect() as connection:
        number = int(await connection.scalar(text("SELECT current_setting('server_version_num')")) or 0)
    server = number // 10000
    found = re.search(r"\) (\d+)", await _run([tool("pg_dump"), "--version"], dict(os.environ)))
    client = int(found.group(1)) if found else 0
    if client < server:
        raise BackupError(
            f"pg_dump {client} cannot read a PostgreSQL {server} server: install postgresql-client-{server}"
        )
    return server


@contextlib.asynccontextmanager
async def exported_snapshot(engine: AsyncEngine) -> AsyncIterator[str]:
    """A snapshot of the database as it is now, kept open while the block runs (pg_dump reads it)."""
    async with engine.connect() as connection:
        connection = await connection.execution_options(isolation_level="REPEATABLE READ")
        async with connection.begin():
            await connection.execute(text("SET TRANSACTION READ ONLY"))
            snapshot = str(await connection.scalar(text("SELECT pg_export_snapshot()")))
            yield snapshot


async def dump(db: Postgres, snapshot: str, out: Path) -> None:
    await _run([tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                f"--file={out}", f"--dbname={db.dsn}"], db.env())  # fmt: skip


async def is_empty(engine: AsyncEngine) -> bool:
    """No table of ours (nor anyone's) in the database yet."""
    if engine.dialect.name == "sqlite":
        query = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    else:
        query = ("SELECT count(*) FROM information_schema.tables "
                 "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")  # fmt: skip
    async with engine.connect() as connection:
        return int(await connection.scalar(text(query)) or 0) == 0


async def restore(db: Postgres, dump_file: Path) -> None:
    """Into an empty database, in one transaction: a failure leaves it empty."""
    await _run([tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                f"--dbname={db.dsn}", str(dump_file)], db.env())  # fmt: skip


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database:
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(database)


def sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy while others read and write (runs in a thread)."""
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
