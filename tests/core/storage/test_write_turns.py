"""Issue 18, sign-in speed: SQLite write transactions take turns in the process instead of
sleeping in SQLite's busy handler (bench/auth.py found a p95 above a second at 16 sign-ins at once)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import text

from core.storage.database import create_engine, migrate, session_factory
from core.storage.records import ChatRef
from core.storage.store import Store
from core.storage.tables import UserRow


async def test_a_second_writer_waits_for_the_first_to_commit_not_for_the_busy_handler(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'a.db'}")
    await migrate(engine, lock_dir=tmp_path)
    sessions, others = session_factory(engine), session_factory(engine)  # two factories, one queue
    order: list[str] = []
    first_inside = asyncio.Event()
    let_go = asyncio.Event()

    async def first() -> None:
        async with sessions() as session, session.begin():
            session.add(UserRow(display_name="a", plan="free"))
            await session.flush()
            order.append("first in")
            first_inside.set()
            await let_go.wait()
            order.append("first out")

    async def second() -> None:
        await first_inside.wait()
        async with others() as session, session.begin():
            order.append("second in")
            session.add(UserRow(display_name="b", plan="free"))

    tasks = [asyncio.create_task(first()), asyncio.create_task(second())]
    await first_inside.wait()
    for _ in range(20):
        await asyncio.sleep(0)  # give the second every chance to get in early
    let_go.set()
    await asyncio.gather(*tasks)
    assert order == ["first in", "first out", "second in"]
    await engine.dispose()


async def test_a_transaction_begun_inside_another_does_not_wait_for_itself(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'a.db'}")
    await migrate(engine, lock_dir=tmp_path)
    store = Store(engine)
    async with store.session() as outer, outer.begin():
        await outer.execute(text("SELECT 1"))
        conversation = await asyncio.wait_for(store.conversation(ChatRef("console", "c", "u")), 10)
    assert conversation.user_id > 0
    await engine.dispose()


async def test_sqlite_commits_without_a_sync_each_time(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'a.db'}")
    async with engine.connect() as connection:
        assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await connection.execute(text("PRAGMA synchronous"))).scalar() == 1  # NORMAL
    await engine.dispose()
