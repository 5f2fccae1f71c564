"""Database at scale: seed 10,000 users, 20,000 sites, 200,000 versions, 1,000,000 usage rows on
PostgreSQL, then time the database work of /usage, /history, a refinement and a publish.

The data goes into a database of its own (``pagemagic_bench`` on the test server by default),
created by ``--seed`` and dropped by ``--drop``; the test suite's databases are never touched.
Seeding uses COPY (a few minutes on a small machine). Versions are written the way the running
code stores them (``core.storage.version_codec``), each one a small edit of its parent, so the
bytes per version printed at the end are what a real site's history costs.

Database time is the time spent inside cursor executions (SQLAlchemy's ``before``/
``after_cursor_execute`` events) during one chat command, the in-process publish job's
queries included; the model is the offline generator.

    .venv/bin/python bench/db_scale.py --seed          # create and fill pagemagic_bench
    .venv/bin/python bench/db_scale.py [--samples 60]  # p95 database time per command (target < 50 ms)
    .venv/bin/python bench/db_scale.py --drop          # remove the database
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from billing.plans import billing_period
from bots.wiring import runtime
from core.settings import Settings
from core.site.schema import parse_site
from core.storage import version_codec
from core.storage.database import create_engine, migrate
from core.storage.records import ChatRef

SERVER = os.environ.get("PAGEMAGIC_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test").rsplit("/", 1)[0]
NAME = "pagemagic_bench"
USERS, SITES_PER_USER, VERSIONS_PER_SITE, USAGE_ROWS = 10_000, 2, 10, 1_000_000
SAMPLE = Path(__file__).parent / "samples" / "padaria-pt.json"
METRICS = ("requests", "bytes", "tokens", "generations", "sections", "publishes")
NOW = datetime.now(UTC)


def dsn(database: str, driver: str = "postgresql") -> str:
    return f"{SERVER.replace('postgresql', driver, 1)}/{database}"


async def create_database() -> None:
    conn = await asyncpg.connect(dsn("postgres"))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{NAME}"')
    finally:
        await conn.close()


async def drop_database() -> None:
    conn = await asyncpg.connect(dsn("postgres"))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')
    finally:
        await conn.close()


def site_versions(base: dict[str, Any], site_id: int) -> Iterator[tuple[int, int | None, dict[str, Any], str]]:
    """Ten versions of one site, each a one-section edit of the previous (a headline, a line of copy)."""
    spec = json.loads(json.dumps(base))
    spec["name"] = f"{base['name']} {site_id}"
    yield 1, None, spec, "Uma padaria artesanal em Lisboa"
    for number in range(2, VERSIONS_PER_SITE + 1):
        spec = json.loads(json.dumps(spec))
        section = spec["sections"][number % len(spec["sections"])]
        for key in ("headline", "title", "heading", "subtitle", "intro"):
            if isinstance(section.get(key), str):
                section[key] = f"{section[key].split(' · ')[0]} · v{number}"
                break
        else:
            spec["tagline"] = f"v{number}"
        yield number, number - 1, spec, f"muda o texto da secção {number}"


async def seed() -> None:
    started = time.perf_counter()
    await create_database()
    engine = create_engine(dsn(NAME, "postgresql+asyncpg"))
    with tempfile.TemporaryDirectory() as lock:
        await migrate(engine, lock_dir=Path(lock))
    await engine.dispose()
    base = parse_site(json.loads(SAMPLE.read_text())).model_dump(mode="json")
    rng = random.Random(21)
    conn = await asyncpg.connect(dsn(NAME))
    try:
        created = NOW - timedelta(days=90)
        await conn.copy_records_to_table(
            "users", columns=["id", "display_name", "plan", "kind", "created_at"],
            records=[(u, f"user {u}", "business", "person", created) for u in range(1, USERS + 1)],
        )
        await conn.copy_records_to_table(
            "chat_identities", columns=["id", "user_id", "platform", "workspace", "external_id", "created_at"],
            records=[(u, u, "console", "", f"user{u}", created) for u in range(1, USERS + 1)],
        )
        sites = [(s, 1 + (s - 1) // SITES_PER_USER) for s in range(1, USERS * SITES_PER_USER + 1)]
        await conn.copy_records_to_table(
            "sites",
            columns=["id", "owner_id", "slug", "name", "current_version", "head_version", "preview_token",
                     "preview_expires_at", "created_at", "updated_at"],
            records=[(s, u, f"site-{s}", f"{base['name']} {s}", VERSIONS_PER_SITE, VERSIONS_PER_SITE,
                      f"token-{s}", NOW + timedelta(days=3), created, created) for s, u in sites],
        )
        await conn.copy_records_to_table(
            "conversations",
            columns=["id", "platform", "workspace", "chat_id", "owner_id", "language", "language_chosen", "site_id",
                     "created_at"],
            records=[(u, "console", "", f"chat{u}", u, "pt_PT", True, u * SITES_PER_USER, created)
                     for u in range(1, USERS + 1)],
        )
        await conn.copy_records_to_table(
            "conversation_turns", columns=["id", "conversation_id", "role", "text", "created_at"],
            records=[(2 * u - 1 + r, u, ("user", "assistant")[r], "uma padaria", created)
                     for u in range(1, USERS + 1) for r in (0, 1)],
        )
        print(f"users, sites, conversations: {time.perf_counter() - started:.0f} s", flush=True)
        columns = ["id", "site_id", "number", "parent_number", "instruction", "created_at", *version_codec.COLUMNS]
        batch: list[tuple[Any, ...]] = []
        vid = 0
        for site_id, _user in sites:
            parents: dict[int, dict[str, Any]] = {}
            depths: dict[int, int] = {}  # how far each version lies from its snapshot
            for number, parent, spec, instruction in site_versions(base, site_id):
                vid += 1
                depth = depths.get(parent, 0) if parent else 0
                stored = version_codec.encode(spec, parents.get(parent) if parent else None, depth)
                parents[number] = spec
                depths[number] = 0 if stored[0] is not None else depth + 1
                when = created + timedelta(minutes=number)
                batch.append((vid, site_id, number, parent, instruction, when,
                              *(json.dumps(v) if v is not None else None for v in stored)))
            if len(batch) >= 20_000:
                await conn.copy_records_to_table("site_versions", columns=columns, records=batch)
                batch = []
        if batch:
            await conn.copy_records_to_table("site_versions", columns=columns, records=batch)
        print(f"versions: {time.perf_counter() - started:.0f} s", flush=True)
        deployments = [(n, s, VERSIONS_PER_SITE - 1, "local", "live", f"http://x/s/site-{s}/", f"r{s}", "", created,
                        created) for n, s in enumerate(range(1, len(sites) + 1, 4), start=1)]
        await conn.copy_records_to_table(
            "deployments",
            columns=["id", "site_id", "version", "backend", "status", "url", "release", "error", "created_at",
                     "updated_at"],
            records=deployments,
        )
        await seed_usage(conn, rng)
        for table in ("users", "chat_identities", "sites", "conversations", "conversation_turns", "site_versions",
                      "deployments", "usage_events"):
            await conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        await conn.execute("VACUUM ANALYZE")
        print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)
        await version_bytes(conn)
    finally:
        await conn.close()


async def seed_usage(conn: asyncpg.Connection, rng: random.Random) -> None:
    """A million usage rows: four in five in the current billing period (what /usage and every
    quota check add up, however early in the month the bench runs), the rest in the month before."""
    start, _end = billing_period(NOW)
    now = max(NOW, start + timedelta(seconds=1))
    usage: list[tuple[Any, ...]] = []
    for n in range(1, USAGE_ROWS + 1):
        user = rng.randint(1, USERS)
        if rng.random() < 0.8:
            when = start + (now - start) * rng.random()
        else:
            when = start - timedelta(seconds=rng.randint(1, 30 * 86400))
        usage.append((n, user, user * SITES_PER_USER - rng.randint(0, 1), rng.choice(METRICS), rng.randint(1, 5000), when))
        if len(usage) == 100_000:
            await conn.copy_records_to_table(
                "usage_events", columns=["id", "user_id", "site_id", "metric", "quantity", "created_at"], records=usage
            )
            usage = []


async def reseed_usage() -> None:
    conn = await asyncpg.connect(dsn(NAME))
    try:
        await conn.execute("TRUNCATE usage_events")
        await seed_usage(conn, random.Random(21))
        await conn.execute("SELECT setval(pg_get_serial_sequence('usage_events', 'id'), 1000000)")
        await conn.execute("VACUUM ANALYZE usage_events")
    finally:
        await conn.close()


async def version_bytes(conn: asyncpg.Connection) -> None:
    """Bytes per stored version: on disk (after PostgreSQL's own compression) and as JSON text."""
    cols = " + ".join(f"coalesce(pg_column_size({c}), 0)" for c in version_codec.COLUMNS)
    text = " + ".join(f"coalesce(length({c}::text), 0)" for c in version_codec.COLUMNS)
    row = await conn.fetchrow(f"SELECT count(*), avg({cols}), avg({text}) FROM site_versions")
    size = await conn.fetchval("SELECT pg_total_relation_size('site_versions')")
    print(f"site_versions: {row[0]} rows, {row[1]:.0f} bytes per version stored ({row[2]:.0f} as JSON text), "
          f"table with indexes and TOAST {size / 1e6:.1f} MB ({size / row[0]:.0f} bytes per version)")


class DatabaseClock:
    """Time spent inside cursor executions, and the statements run, since the last ``reset``."""

    def __init__(self) -> None:
        self.spent = 0.0
        self.statements: list[str] = []
        self.by_statement: dict[str, float] = {}  # over the whole run: where the time goes
        self._started: list[float] = []

    def attach(self, sync_engine: Any) -> None:
        event.listen(sync_engine, "before_cursor_execute", self._before)
        event.listen(sync_engine, "after_cursor_execute", self._after)

    def _before(self, *_args: Any) -> None:
        self._started.append(time.perf_counter())

    def _after(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        took = time.perf_counter() - self._started.pop()
        self.spent += took
        self.statements.append(statement)
        key = " ".join(statement.split())[:110]
        self.by_statement[key] = self.by_statement.get(key, 0.0) + took

    def reset(self) -> None:
        self.spent, self.statements = 0.0, []


async def measure(samples: int, show: bool = False) -> None:
    settings_home = tempfile.TemporaryDirectory()
    settings = Settings(home=Path(settings_home.name), port=0, ops_port=0, database_url=dsn(NAME, "postgresql+asyncpg"),
                        plan="business")
    clock = DatabaseClock()
    rng = random.Random(5)
    users = rng.sample(range(1, USERS + 1), samples)
    spent: dict[str, list[float]] = {"/usage": [], "/history": [], "refinement": [], "/publish": []}
    queries: dict[str, int] = {}
    async with runtime(settings) as rt:
        clock.attach(rt.store.engine.sync_engine)
        for user in users:
            chat = ChatRef(platform="console", chat_id=f"chat{user}", user_id=f"user{user}", language="pt_PT")
            for name, text in (("/usage", "/usage"), ("/history", "/history"),
                               ("refinement", f"muda o título para Padaria {os.urandom(3).hex()}"), ("/publish", "/publish")):
                clock.reset()
                kinds = [type(e).__name__ async for e in rt.studio.message(chat, text)]
                assert "Failed" not in kinds, (name, kinds)
                assert name != "refinement" or "PreviewReady" in kinds, kinds
                spent[name].append(clock.spent * 1000)
                queries[name] = len(clock.statements)
                if show and user == users[-1]:
                    print(f"-- {name}: " + "\n   ".join(" ".join(q.split())[:150] for q in clock.statements))
    load = os.getloadavg()
    print(f"{samples} users each: database time per command on PostgreSQL (ms), load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for name, values in spent.items():
        p95 = statistics.quantiles(values, n=20)[-1]
        print(f"{name:11s} median {statistics.median(values):6.1f}  p95 {p95:6.1f}  statements {queries[name]:3d}"
              f"   (target p95 < 50)")
    print("statements that took the most database time over the run (ms):")
    for key, took in sorted(clock.by_statement.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {took * 1000:8.1f}  {key}")
    conn = await asyncpg.connect(dsn(NAME))
    try:
        await version_bytes(conn)
    finally:
        await conn.close()
    settings_home.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", action="store_true", help="create and fill the bench database")
    parser.add_argument("--drop", action="store_true", help="drop the bench database")
    parser.add_argument("--reseed-usage", action="store_true", help="only write the usage rows again")
    parser.add_argument("--show", action="store_true", help="print the statements of each command's last run")
    parser.add_argument("--samples", type=int, default=60, help="users sampled for each command")
    args = parser.parse_args()
    if args.drop:
        asyncio.run(drop_database())
    elif args.seed:
        asyncio.run(seed())
    elif args.reseed_usage:
        asyncio.run(reseed_usage())
    else:
        asyncio.run(measure(args.samples, args.show))


if __name__ == "__main__":
    main()
