"""Every query /usage, /history, a refinement and a publish issue is served by an index on PostgreSQL.

The statements are captured as Studio runs them (with their parameters), then explained with
sequential scans priced out (``enable_seqscan = off``): a plan that still reads a whole table has
no index to use, and at 10,000 users and a million usage rows that table is read on every message
(bench/db_scale.py measures the time).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import event

from billing.quotas import PlanQuotas
from billing.usage import StoreUsageMeter
from core.events import Event, Failed, PreviewReady, Published
from core.llm.offline import OfflineGenerator
from core.storage.database import create_engine, migrate
from core.storage.records import ChatRef
from core.storage.store import Store
from core.studio import Studio
from hosting.jobs import InProcessQueue, JobRunner
from hosting.live import LiveDrafts
from hosting.local import LocalHosting
from tests.conftest import PG_DSN, _drop_pg_database, _fresh_pg_database


@pytest.fixture
async def pg_store(tmp_path: Path) -> AsyncIterator[tuple[Store, str]]:
    name = await _fresh_pg_database()
    base = PG_DSN.rsplit("/", 1)[0]
    engine = create_engine(f"{base.replace('postgresql://', 'postgresql+asyncpg://')}/{name}")
    try:
        await migrate(engine, lock_dir=tmp_path)
        store = Store(engine)
        yield store, f"{base}/{name}"
        await store.close()
    finally:
        await _drop_pg_database(name)


class Statements:
    """The statements run on an engine, with their parameters, while ``recording`` is set."""

    def __init__(self, store: Store) -> None:
        self.recording = False
        self.seen: list[tuple[str, tuple[Any, ...]]] = []
        event.listen(store.engine.sync_engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, many: bool) -> None:
        if self.recording and not many and statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "WITH")):
            self.seen.append((statement, tuple(parameters or ())))


def sequential_scans(plan: Any) -> list[str]:
    """The tables a plan reads from end to end: a sequential scan, or an index walked without a
    condition (what the planner picks for ORDER BY id DESC LIMIT 1 when no index fits the WHERE)."""
    found: list[str] = []
    if isinstance(plan, dict):
        whole_index = plan.get("Node Type") in ("Index Scan", "Index Only Scan") and "Index Cond" not in plan
        if plan.get("Node Type") == "Seq Scan" or whole_index:
            found.append(str(plan.get("Relation Name")))
        for value in plan.values():
            found.extend(sequential_scans(value))
    elif isinstance(plan, list):
        for item in plan:
            found.extend(sequential_scans(item))
    return found


async def run(studio: Studio, chat: ChatRef, text: str) -> list[Event]:
    events = [event async for event in studio.message(chat, text)]
    assert not any(isinstance(e, Failed) for e in events), (text, events)
    return events


async def test_usage_history_refinement_and_publish_use_an_index_for_every_query(
    pg_store: tuple[Store, str], tmp_path: Path
) -> None:
    store, dsn = pg_store
    meter = StoreUsageMeter(store)
    hosting = LocalHosting(tmp_path / "sites", "http://127.0.0.1:9")
    studio = Studio(store, OfflineGenerator(), hosting, LiveDrafts("http://127.0.0.1:9"), meter,
                    PlanQuotas(store, meter), InProcessQueue(JobRunner(store, hosting, meter)))  # fmt: skip
    statements = Statements(store)
    chats = [ChatRef(platform="console", chat_id=f"c{n}", user_id=f"u{n}", language="pt_PT") for n in range(3)]
    for chat in chats:  # a few accounts with a site each, so no table is trivially empty
        await run(studio, chat, "Uma padaria artesanal em Lisboa, com menu e contacto")
    chat = chats[1]
    await run(studio, chat, "muda o título para Padaria Estrela")
    await run(studio, chat, "/publish")

    statements.recording = True
    by_path: dict[str, int] = {}
    for path, text in (("/usage", "/usage"), ("/history", "/history"),
                       ("refinement", "muda o título para Padaria Lua"), ("/publish", "/publish")):
        before = len(statements.seen)
        events = await run(studio, chat, text)
        by_path[path] = len(statements.seen) - before
        if path == "refinement":
            assert any(isinstance(e, PreviewReady) for e in events), events
        if path == "/publish":
            assert any(isinstance(e, Published) for e in events), events
    statements.recording = False
    assert all(by_path.values()), by_path  # each path was seen querying

    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("SET enable_seqscan = off")
        # The check itself sees a query no index serves, and a whole index walked for its order:
        unindexed = "EXPLAIN (FORMAT JSON) SELECT * FROM audit_events WHERE action = 'publish'"
        assert sequential_scans(json.loads(await conn.fetchval(unindexed))) == ["audit_events"]
        walked = "EXPLAIN (FORMAT JSON) SELECT * FROM deployments WHERE url = 'x' ORDER BY id DESC LIMIT 1"
        assert sequential_scans(json.loads(await conn.fetchval(walked))) == ["deployments"]
        scans: dict[str, str] = {}
        for statement, parameters in statements.seen:
            plan = json.loads(await conn.fetchval(f"EXPLAIN (FORMAT JSON) {statement}", *parameters))
            for table in sequential_scans(plan):
                scans.setdefault(table, " ".join(statement.split())[:300])
    finally:
        await conn.close()
    assert scans == {}, "tables read end to end (no index serves the query):\n" + "\n".join(
        f"{table}: {statement}" for table, statement in scans.items()
    )

