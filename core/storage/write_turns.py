"""One write transaction at a time per SQLite file in this process, queued in asyncio.

SQLite lets one connection write at a time; the others get ``SQLITE_BUSY`` and its busy
handler retries by sleeping (1, 2, 5 ... 100 ms steps). With sixteen sign-ins at once most
of them slept in that handler: a median of 30 ms and a p95 above a second (bench/auth.py).
Taking turns here instead, each waiting writer is woken the moment the one before commits.

Only ``session.begin()`` blocks take a turn. A block nested inside one (the same task, or a
task it started) already holds the turn and does not wait for it again; reads outside a
``begin()`` never wait (WAL lets them run beside the writer). PostgreSQL sessions are plain.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import AsyncIterator
from contextvars import ContextVar
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

_holding: ContextVar[bool] = ContextVar("pagemagic_sqlite_write_turn", default=False)


class WriteTurns:
    """The queue of one database: one ``asyncio.Lock`` per event loop (tests run several loops)."""

    def __init__(self) -> None:
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        if _holding.get():
            yield
            return
        loop = asyncio.get_running_loop()
        lock = self._locks.get(loop)
        if lock is None:
            lock = self._locks[loop] = asyncio.Lock()
        async with lock:
            token = _holding.set(True)
            try:
                yield
            finally:
                _holding.reset(token)


class TurnTakingSession(AsyncSession):
    """An ``AsyncSession`` whose ``begin()`` blocks wait for the database's write turn."""

    turns: WriteTurns

    @contextlib.asynccontextmanager
    async def _turn_and_begin(self) -> AsyncIterator[Any]:
        async with self.turns.turn(), super().begin() as transaction:
            yield transaction

    def begin(self) -> Any:
        return self._turn_and_begin()


def session_class(turns: WriteTurns) -> type[AsyncSession]:
    """A session class bound to one database's turns (``session_factory`` makes one per SQLite engine)."""
    return type("SQLiteSession", (TurnTakingSession,), {"turns": turns})
