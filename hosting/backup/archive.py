"""Writing a backup archive and reading one back (the layout is in hosting/backup/__init__.py).

``create`` takes the consistent part first: with the usage drain held off and the edges holding
their counts, it opens the database snapshot (or copies SQLite) and reads Redis; then it lets them
go, and streams the database dump, the files of ``PAGEMAGIC_HOME`` and the manifest through gzip
and the seal into ``<name>.pmbackup.part``, renamed when complete (a half-written backup never
looks like one). ``restore`` opens an archive into a staging folder, refuses a database that is not
empty, and puts back the database, the files and the Redis keys.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import io
import json
import os
import shutil
import tarfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.storage.tables import DomainRow, SiteRow, SiteVersionRow, UsageEventRow, UserRow
from hosting import usage_lock
from hosting.backup import database, home, redis_state
from hosting.backup.errors import BackupError
from hosting.backup.sealed import SealedReader, SealedWriter, SealError

FORMAT = 1
SUFFIX = ".pmbackup"
COUNTED = {"users": UserRow, "sites": SiteRow, "versions": SiteVersionRow, "domains": DomainRow,
           "usage_events": UsageEventRow}  # fmt: skip


@dataclass(frozen=True)
class Sources:
    """What a backup reads and a restore writes."""

    engine: AsyncEngine
    database_url: str
    home: Path
    redis: Redis | None
    usage_prefix: str
    key: bytes
    backups: Path  # where archives go (left out of the copy of home)


@dataclass(frozen=True)
class Backup:
    path: Path
    manifest: dict[str, Any]
    seconds: float
    size: int = field(default=0)


def archive_name(now: datetime) -> str:
    return f"pagemagic-{now.astimezone(UTC):%Y%m%dT%H%M%S}Z{SUFFIX}"


async def counts(session: AsyncSession) -> dict[str, int]:
    return {name: int(await session.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in COUNTED.items()}  # fmt: skip


async def create(sources: Sources, now: datetime, keep: int) -> Backup:
    started = time.monotonic()
    sources.backups.mkdir(parents=True, exist_ok=True)
    final = sources.backups / archive_name(now)
    partial = final.with_name(final.name + ".part")
    staging = sources.backups / f".staging-{final.stem}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        manifest = await _collect(sources, staging, now)
        await asyncio.to_thread(_write, sources, staging, manifest, partial)
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    prune(sources.backups, keep)
    return Backup(final, manifest, time.monotonic() - started, final.stat().st_size)


async def _collect(sources: Sources, staging: Path, now: datetime) -> dict[str, Any]:
    """The database and Redis, at one instant; returns the manifest (files are added later)."""
    engine = sources.engine
    manifest: dict[str, Any] = {"format": FORMAT, "created_at": now.astimezone(UTC).isoformat(), "redis": None}
    async with contextlib.AsyncExitStack() as snapshot, contextlib.AsyncExitStack() as held:
        if sources.redis is not None:
            holding = await held.enter_async_context(usage_lock.holding(sources.redis, sources.usage_prefix, wait=60))
            if not holding:
                raise BackupError("the usage drain kept its lock for a minute; try again")
            await held.enter_async_context(redis_state.held(sources.redis, sources.usage_prefix))
        if engine.dialect.name == "postgresql":
            server = await database.check_versions(engine)
            snapshot_id = await snapshot.enter_async_context(database.exported_snapshot(engine))
            manifest["database"] = {"engine": "postgresql", "file": "database.pgdump", "server_major": server}
        elif engine.dialect.name == "sqlite":
            source = database.sqlite_path(sources.database_url)
            await asyncio.to_thread(database.sqlite_copy, source, staging / "database.sqlite")
            manifest["database"] = {"engine": "sqlite", "file": "database.sqlite"}
        else:
            raise BackupError(f"no backup for a {engine.dialect.name} database")
        if sources.redis is not None:
            entries = await redis_state.export(sources.redis, sources.usage_prefix)
            (staging / "redis.json").write_text(json.dumps(entries), encoding="utf-8")
            manifest["redis"] = {"file": "redis.json", "keys": len(entries)}
        await held.aclose()  # the drain and the edges go on; the snapshot stays open for pg_dump
        if manifest["database"]["engine"] == "postgresql":
            await database.dump(database.Postgres.from_url(sources.database_url), snapshot_id,
                                staging / "database.pgdump")  # fmt: skip
            manifest["counts"] = await _snapshot_counts(engine, snapshot_id)
        else:
            manifest["counts"] = await _sqlite_counts(staging / "database.sqlite")
    return manifest


async def _snapshot_counts(engine: AsyncEngine, snapshot_id: str) -> dict[str, int]:
    """Row counts as the dump saw them (the same snapshot), for restore to check against."""
    async with engine.connect() as connection:
        connection = await connection.execution_options(isolation_level="REPEATABLE READ")
        async with connection.begin():
            await connection.execute(text(f"SET TRANSACTION SNAPSHOT '{snapshot_id}'"))
            session = AsyncSession(bind=connection)
            return await counts(session)


async def _sqlite_counts(path: Path) -> dict[str, int]:
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(f"sqlite+aiosqlite:///{path}")
    try:
        async with AsyncSession(engine) as session:
            return await counts(session)
    finally:
        await engine.dispose()


def _write(sources: Sources, staging: Path, manifest: dict[str, Any], target: Path) -> None:
    """The archive: database, Redis, home, manifest; gzip (level 3: fast) inside the seal."""
    with target.open("wb") as raw:
        sealed = SealedWriter(raw, sources.key)
        with (gzip.GzipFile(fileobj=sealed, mode="wb", compresslevel=3, mtime=0) as zipped,
              tarfile.open(fileobj=zipped, mode="w|", format=tarfile.PAX_FORMAT) as tar):  # fmt: skip
            tar.add(staging / manifest["database"]["file"], arcname=manifest["database"]["file"])
            if manifest["redis"] is not None:
                tar.add(staging / "redis.json", arcname="redis.json")
            files, size = home.add(tar, sources.home, also_skip=(sources.backups,))
            manifest["home"] = {"files": files, "bytes": size}
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
            tar.addfile(info, io.BytesIO(data))
        sealed.close()
        raw.flush()
        os.fsync(raw.fileno())


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` archives (their names sort by time)."""
    archives = sorted(folder.glob(f"pagemagic-*{SUFFIX}"))
    gone = archives[: max(0, len(archives) - keep)]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def newest(folder: Path) -> Path | None:
    archives = sorted(folder.glob(f"pagemagic-*{SUFFIX}"))
    return archives[-1] if archives else None


def open_archive(path: Path, key: bytes, into: Path) -> dict[str, Any]:
    """Check and unpack an archive into ``into``; returns its manifest."""
    try:
        with (path.open("rb") as raw, SealedReader(raw, key) as sealed, gzip.GzipFile(fileobj=sealed, mode="rb") as zipped,
              tarfile.open(fileobj=zipped, mode="r|") as tar):  # fmt: skip
            tar.extractall(into, filter="data")  # no absolute paths, no ../, no links out
    except SealError as exc:
        raise BackupError(f"{path.name}: {exc}") from exc
    except (OSError, EOFError, tarfile.TarError) as exc:
        raise BackupError(f"{path.name} cannot be read: {exc}") from exc
    manifest: dict[str, Any] = json.loads((into / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path.name} is of backup format {manifest.get('format')}; this version reads {FORMAT}")
    return manifest


async def restore(sources: Sources, path: Path) -> dict[str, Any]:
    """Database, files and Redis keys of ``path`` into an empty system; returns the manifest."""
    staging = sources.backups / f".restore-{path.stem}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        manifest = await asyncio.to_thread(open_archive, path, sources.key, staging)
        kind = manifest["database"]["engine"]
        if kind != sources.engine.dialect.name:
            raise BackupError(f"the backup holds a {kind} database; PAGEMAGIC_DATABASE_URL names a "
                              f"{sources.engine.dialect.name} one")  # fmt: skip
        if not await database.is_empty(sources.engine):
            raise BackupError("the database is not empty: restore into a new, empty database "
                              "(a restore never overwrites data)")  # fmt: skip
        if kind == "postgresql":
            await database.restore(database.Postgres.from_url(sources.database_url), staging / "database.pgdump")
        else:
            await sources.engine.dispose()  # no connection of ours holds the file while it is replaced
            target = database.sqlite_path(sources.database_url)
            target.parent.mkdir(parents=True, exist_ok=True)
            await asyncio.to_thread(database.sqlite_copy, staging / "database.sqlite", target)
        if (staging / "home").is_dir():
            await asyncio.to_thread(_merge, staging / "home", sources.home)
        if manifest["redis"] is not None and sources.redis is not None:
            entries = json.loads((staging / "redis.json").read_text(encoding="utf-8"))
            await redis_state.load(sources.redis, entries)
        return manifest
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _merge(source: Path, target: Path) -> None:
    """Move the unpacked files into ``target`` (files of the same name are replaced)."""
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir()):
        destination = target / item.name
        if item.is_dir() and not item.is_symlink() and destination.is_dir() and not destination.is_symlink():
            _merge(item, destination)
            continue
        if destination.is_symlink() or destination.is_file():
            destination.unlink()
        elif destination.is_dir():
            shutil.rmtree(destination)
        os.replace(item, destination)
