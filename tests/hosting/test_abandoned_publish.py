"""Issue 14, item 1: an abandoned publish job must never bring back an older release.

Reproduced with real processes on local hosting and PostgreSQL: chat A
publishes version 2 and is frozen (SIGSTOP) while its job holds the lease,
then killed (SIGKILL); chat B, in the same conversation, publishes version 3.
Once A's lease has run out, job recovery finds A's job: it must drop it as
superseded (and say so in the job's record), never re-run it. The site's
``current`` release, the deployments table and ``/history`` all say v3.

To freeze A at a known point while its job holds the lease, the test takes
an EXCLUSIVE lock on ``deployments``: A's publish blocks on its first write
there (its lease is already taken); A is stopped and killed while blocked.
The lease is the issue's 15 s; instead of waiting for it, the test moves A's
lease deadline into the past once B's publish is live or queued behind it,
which is what the passing of 15 s does to that row.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import asyncpg
import pytest

from tests.conftest import PG_DSN, _drop_pg_database, _fresh_pg_database

PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))


class Chat:
    """A ``pagemagic chat`` process, read line by line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.transcript: list[str] = []

    async def read_until(self, pattern: str, timeout: float = 60) -> list[str]:
        assert self.process.stdout is not None
        seen: list[str] = []
        async with asyncio.timeout(timeout):
            while True:
                raw = await self.process.stdout.readline()
                if not raw:
                    raise AssertionError(f"chat ended before {pattern!r}:\n" + "\n".join(self.transcript))
                line = raw.decode().rstrip("\n")
                self.transcript.append(line)
                seen.append(line)
                if re.search(pattern, line):
                    return seen

    async def write(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text.encode() + b"\n")
        await self.process.stdin.drain()

    async def send(self, text: str, until: str, timeout: float = 60) -> list[str]:
        await self.write(text)
        return await self.read_until(until, timeout)

    async def close(self) -> None:
        if self.process.returncode is not None:
            return
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), 30)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


async def start_chat(env: dict[str, str]) -> Chat:
    full = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")} | env
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "chat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT, env=full,
    )
    chat = Chat(process)
    await chat.read_until(r"Server: http://127\.0\.0\.1:\d+")
    return chat


async def wait_for(condition: Callable[[], Awaitable[bool]], what: str, timeout: float = 60) -> None:
    """Poll ``condition`` until it holds; fail with ``what`` at the deadline."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


@pytest.fixture
async def pg_database() -> AsyncIterator[tuple[str, str]]:
    """A fresh PostgreSQL database: (asyncpg DSN, SQLAlchemy URL)."""
    name = await _fresh_pg_database()
    base = PG_DSN.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}", f"{base.replace('postgresql://', 'postgresql+asyncpg://')}/{name}"
    finally:
        await _drop_pg_database(name)


def current_release(home: Path) -> str:
    """The release folder the site's ``current`` link points at (there is one site in this home)."""
    links = list((home / "sites").glob("*/current"))
    assert len(links) == 1, links
    return os.readlink(links[0])


async def test_an_abandoned_publish_of_an_older_version_is_dropped_as_superseded(
    tmp_path: Path, pg_database: tuple[str, str]
) -> None:
    dsn, url = pg_database
    home = tmp_path / "home"
    env = {
        "PAGEMAGIC_HOME": str(home),
        "PAGEMAGIC_DATABASE_URL": url,
        "PAGEMAGIC_PORT": "0",
        "PAGEMAGIC_JOB_LEASE_SECONDS": "15",
        "PAGEMAGIC_JOB_RECOVERY_SECONDS": "0.2",
        "LANG": "C.UTF-8",
    }
    db = await asyncpg.connect(dsn)
    chat_a = await start_chat(env)
    chat_b: Chat | None = None
    try:
        await chat_a.send("A bakery in Lisbon called Forno Azul", r"version 1\)")
        await chat_a.send("make it dark green", r"version 2")

        lock = db.transaction()
        await lock.start()
        await db.execute("LOCK TABLE deployments IN EXCLUSIVE MODE")
        await chat_a.write("/publish")

        async def a_is_blocked_holding_the_lease() -> bool:
            held = await db.fetchval(
                "SELECT count(*) FROM jobs WHERE version = 2 AND lease_owner <> '' AND lease_until IS NOT NULL"
            )
            waiting = await db.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            return bool(held) and bool(waiting)

        await wait_for(a_is_blocked_holding_the_lease, "chat A's publish to hold the lease and wait on the lock")
        chat_a.process.send_signal(signal.SIGSTOP)
        chat_a.process.send_signal(signal.SIGKILL)
        await chat_a.process.wait()
        await lock.rollback()  # A's blocked write goes on, finds its client gone and is rolled back
        job_a = await db.fetchrow("SELECT id, state FROM jobs WHERE version = 2")
        assert job_a["state"] in ("queued", "deploying"), job_a

        chat_b = await start_chat(env)
        await chat_b.send("add a FAQ", r"version 3")
        await chat_b.write("/publish")

        async def b_is_live_or_waits_for_a() -> bool:
            return await db.fetchval("SELECT state FROM jobs WHERE version = 3") in ("live", "waiting")

        await wait_for(b_is_live_or_waits_for_a, "chat B's publish to go live or to wait for A's")
        await db.execute("UPDATE jobs SET lease_until = now() - interval '1 second' WHERE id = $1", job_a["id"])
        lines = await chat_b.read_until(r"Published version 3|failed|in the background|was not published", timeout=90)
        assert "Published version 3" in lines[-1], chat_b.transcript

        async def a_is_done() -> bool:
            state = await db.fetchval("SELECT state FROM jobs WHERE id = $1", job_a["id"])
            return state not in ("queued", "building", "pushing", "deploying", "removing")

        await wait_for(a_is_done, "recovery to deal with chat A's abandoned job")
        dropped = await db.fetchrow("SELECT state, detail FROM jobs WHERE id = $1", job_a["id"])
        assert dropped["state"] == "superseded", (dict(dropped), current_release(home))
        assert "v3" in dropped["detail"], dict(dropped)

        assert current_release(home).startswith("releases/v3-")
        live = await db.fetch("SELECT version FROM deployments WHERE status = 'live' ORDER BY id")
        assert [row["version"] for row in live] == [3]
        assert await db.fetchval("SELECT current_version FROM sites") == 3

        history = "\n".join(await chat_b.send("/history", r"Changes:|Live"))
        history += "\n".join(await chat_b.read_until(r"publish · v3"))
        assert re.search(r"Live: version 3", history), history
        assert "publish · v2" not in history
    finally:
        if chat_a.process.returncode is None:
            chat_a.process.kill()
            await chat_a.process.wait()
        if chat_b is not None:
            await chat_b.close()
        await db.close()
