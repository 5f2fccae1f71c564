"""``pagemagic backup`` and ``pagemagic restore``: settings in, hosting/backup's parts wired together.

``backup`` writes one archive (``--schedule``: one now and one every ``PAGEMAGIC_BACKUP_INTERVAL_HOURS``,
as the stack's backup service does; ``--check``: exit 0 when the newest archive is recent, for its
health check). ``restore ARCHIVE`` brings an empty system back: the database, the files of
``PAGEMAGIC_HOME``, what Redis held, the schema brought up to date, the plans' edge limits, and
every published site's service and route re-created.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

from core.periodic import run_every
from core.sealing import parse_key
from core.settings import Settings
from core.storage.database import create_engine, migrate
from core.storage.store import Store
from hosting.backup import archive
from hosting.backup.errors import BackupError
from hosting.backup.redeploy import redeploy

log = logging.getLogger("pagemagic.backup")


def backup_key(settings: Settings) -> bytes:
    if settings.backup_key is None:
        raise BackupError(
            "PAGEMAGIC_BACKUP_KEY is not set: backups are always encrypted (openssl rand -base64 32), "
            "and a restore needs the same key"
        )
    try:
        return parse_key(settings.backup_key.get_secret_value(), "PAGEMAGIC_BACKUP_KEY")
    except ValueError as exc:
        raise BackupError(str(exc)) from exc


@contextlib.asynccontextmanager
async def sources(settings: Settings) -> AsyncIterator[archive.Sources]:
    from bots.wiring import redis_client

    engine = create_engine(settings.sqlalchemy_url)
    redis = redis_client(settings)
    try:
        yield archive.Sources(engine, settings.sqlalchemy_url, settings.home, redis, settings.edge_usage_prefix,
                              backup_key(settings), settings.backups_dir)  # fmt: skip
    finally:
        if redis is not None:
            await redis.aclose()
        await engine.dispose()


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


async def backup_once(settings: Settings) -> archive.Backup:
    async with sources(settings) as parts:
        done = await archive.create(parts, datetime.now(UTC), settings.backup_keep)
    counts = done.manifest["counts"]
    print(f"backup {done.path} ({_size(done.size)}) in {done.seconds:.1f} s: {counts['sites']} sites, "
          f"{counts['versions']} versions, {done.manifest['home']['files']} files"
          + (f", {done.manifest['redis']['keys']} Redis keys" if done.manifest["redis"] else ""), flush=True)  # fmt: skip
    return done


async def run_backup(settings: Settings, schedule: bool = False, check: bool = False) -> int:
    if check:
        latest = archive.newest(settings.backups_dir)
        limit = 2 * settings.backup_interval_hours * 3600
        fresh = latest is not None and datetime.now(UTC).timestamp() - latest.stat().st_mtime < limit
        print(f"newest backup: {latest.name if latest else 'none'}" + ("" if fresh else " (too old)"))
        return 0 if fresh else 1
    if not schedule:
        await backup_once(settings)
        return 0
    backup_key(settings)  # a missing key is said at once, not at the first round

    async def once() -> None:
        await backup_once(settings)

    await run_every("backup", settings.backup_interval_hours * 3600, once, survive=(Exception,))
    return 0


async def run_restore(settings: Settings, path: Path, recreate: bool = True) -> int:
    from billing.edge_limits import EdgeLimits
    from billing.plans import load_plans, use_plans
    from billing.quotas import PlanQuotas
    from billing.usage import StoreUsageMeter
    from bots.wiring import build_hosting

    if not path.is_file():
        raise BackupError(f"{path}: no such backup")
    if settings.billing_plans_file is not None:
        use_plans(load_plans(settings.billing_plans_file))
    async with sources(settings) as parts:
        manifest = await archive.restore(parts, path)
        engine = create_engine(settings.sqlalchemy_url)  # a fresh one: SQLite's file was replaced
        await migrate(engine, lock_dir=settings.home)
        store = Store(engine)
        try:
            async with store.session() as session:
                found = await archive.counts(session)
            if found != manifest["counts"]:
                raise BackupError(f"the restored database differs from the backup: {found} != {manifest['counts']}")
            print(f"restored {path.name} from {manifest['created_at']}: {found['sites']} sites, "
                  f"{found['versions']} versions, {found['domains']} domains, {manifest['home']['files']} files"
                  + (f", {manifest['redis']['keys']} Redis keys" if manifest["redis"] else ""), flush=True)  # fmt: skip
            if parts.redis is not None:
                await EdgeLimits(parts.redis).publish()
            if recreate:
                base_url = (settings.public_url or f"http://{settings.host}:{settings.port}").rstrip("/")
                backend = build_hosting(settings, base_url, parts.redis)
                quotas = PlanQuotas(store, StoreUsageMeter(store))
                done = await redeploy(store, backend, quotas.plan_of)
                failed = [d for d in done if d.error]
                print(f"re-created {len(done) - len(failed)} of {len(done)} published sites"
                      + "".join(f"\n  {d.slug} v{d.version}: {d.error}" for d in failed), flush=True)  # fmt: skip
                if failed:
                    return 1
        finally:
            await store.close()
    return 0
