"""Backup and restore time for 1,000 sites with 10 versions each (docs/benchmarks.md).

Builds the system on the PostgreSQL server on 127.0.0.1:5432 (a database of its own) and a private
redis-server: N accounts, each with one site of V versions (the sample specs, varied), every site
published on local hosting (its release folder under PAGEMAGIC_HOME), one domain every tenth site,
24 hours of usage rows per site, and a minute bucket and month totals per site still in Redis. Then
times, as separate processes, exactly what an operator runs:

  pagemagic backup                      the archive (and its size)
  pagemagic restore --no-redeploy       into an empty database, HOME and Redis: the data
  pagemagic restore                     the same, plus every site's release re-created

    .venv/bin/python bench/backup.py [--sites 1000] [--versions 10]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from redis.asyncio import Redis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.ports import PublishTarget
from core.site.schema import parse_site
from core.storage.database import create_engine, migrate
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from core.storage.tables import UsageEventRow
from hosting.edge_keys import bucket_key, index_key, month_key
from hosting.local import LocalHosting

ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
SAMPLES = sorted((Path(__file__).parent / "samples").glob("*.json"))


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def build(url: str, home: Path, redis: Redis, sites: int, versions: int) -> None:
    engine = create_engine(url)
    await migrate(engine, lock_dir=home)
    store = Store(engine)
    hosting = LocalHosting(home / "sites", "http://pagemagic.test")
    specs = [json.loads(p.read_text()) for p in SAMPLES]
    now = datetime.now(UTC)
    minute = now.strftime("%Y%m%d%H%M")

    async def quiet(_state: str, _detail: str) -> None:
        return None

    for n in range(sites):
        conversation = await store.conversation(ChatRef("telegram", f"b{n}", f"b{n}", language="pt"))
        spec = dict(specs[n % len(specs)])
        spec["name"] = f"{spec['name']} {n}"
        site = parse_site(spec)
        record = await store.create_site(conversation.id, conversation.user_id, site, "describe", new_preview_token(),
                                         timedelta(hours=72))  # fmt: skip
        for v in range(2, versions + 1):
            edited = parse_site({**spec, "tagline": f"{spec.get('tagline', '')} (v{v})"[:120]})
            record = await store.add_version(record.id, edited, f"edit {v}", v - 1, timedelta(hours=72))
        release = await hosting.publish(PublishTarget(record.id, record.slug, versions), edited, quiet)
        await store.add_deployment(record.id, versions, "local", "live", release.url, release.release_id)
        if n % 10 == 0:
            await store.attach_domain(record.id, f"site{n}.example.pt", "active")
        async with store.session() as session, session.begin():
            session.add_all(UsageEventRow(user_id=conversation.user_id, site_id=record.id, metric=metric,
                                          quantity=100 + h, created_at=now - timedelta(hours=h))
                            for h in range(24) for metric in ("requests", "bytes"))  # fmt: skip
        await redis.hset(bucket_key("pm:usage:", record.slug, minute), mapping={"requests": 5, "bytes": 5000,
                                                                                  "site_id": record.id})  # fmt: skip
        await redis.sadd(index_key("pm:usage:"), bucket_key("pm:usage:", record.slug, minute))
        await redis.hset(month_key("pm:usage:", record.slug, minute[:6]), mapping={"requests": 900, "bytes": 90000})
        if n % 100 == 0:
            print(f"  built {n}/{sites} sites", flush=True)
    await store.close()


def timed(env: dict[str, str], *args: str) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "bots.cli", *args], env=env, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1])  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"pagemagic {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return time.monotonic() - started, done.stdout.strip()


async def recreate(name: str, home: Path) -> None:
    admin = await asyncpg.connect(ADMIN)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    shutil.rmtree(home, ignore_errors=True)


async def main(sites: int, versions: int) -> None:
    name = f"pm_bench_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(ADMIN)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        home, backups = root / "home", root / "backups"
        redis_dir = root / "redis"
        redis_dir.mkdir()
        port = free_port()
        server = subprocess.Popen([shutil.which("redis-server") or "redis-server", "--bind", "127.0.0.1", "--port",
                                   str(port), "--save", "", "--dir", str(redis_dir)], stdout=subprocess.DEVNULL)  # fmt: skip
        redis_url = f"redis://127.0.0.1:{port}/0"
        try:
            while True:
                try:
                    redis = Redis.from_url(redis_url)
                    await redis.ping()
                    break
                except Exception:
                    await asyncio.sleep(0.1)
            started = time.monotonic()
            await build(url, home, redis, sites, versions)
            print(f"built {sites} sites x {versions} versions in {time.monotonic() - started:.0f} s")
            env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
            env.update(PAGEMAGIC_DATABASE_URL=url, PAGEMAGIC_HOME=str(home), PAGEMAGIC_REDIS_URL=redis_url,
                       PAGEMAGIC_BACKUP_DIR=str(backups), PAGEMAGIC_PUBLIC_URL="http://pagemagic.test",
                       PAGEMAGIC_BACKUP_KEY=base64.b64encode(os.urandom(32)).decode())  # fmt: skip
            size_home = sum(p.stat().st_size for p in home.rglob("*") if p.is_file() and not p.is_symlink())
            backup_s, said = timed(env, "backup")
            print(said)
            archive = next(backups.glob("*.pmbackup"))
            archive_size = archive.stat().st_size
            results = [("pagemagic backup", backup_s)]
            for label, extra in (("pagemagic restore --no-redeploy", ["--no-redeploy"]), ("pagemagic restore", [])):
                await recreate(name, home)
                await redis.flushdb()  # the private redis-server of this bench only
                seconds, said = timed(env, "restore", str(archive), *extra)
                print(said)
                results.append((label, seconds))
            await redis.aclose()
        finally:
            server.terminate()
            server.wait()
            admin = await asyncpg.connect(ADMIN)
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await admin.close()
    print()
    print(f"{sites} sites x {versions} versions; PAGEMAGIC_HOME {size_home / 1e6:.0f} MB; "
          f"archive {archive_size / 1e6:.1f} MB")
    for label, seconds in results:
        print(f"  {label:34} {seconds:6.1f} s")
    print(f"({os.cpu_count()} CPUs shared with the PostgreSQL server and other work; times include starting Python)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="backup and restore time")
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--versions", type=int, default=10)
    options = parser.parse_args()
    asyncio.run(main(options.sites, options.versions))
