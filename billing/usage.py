"""Usage recording with a small buffer.

Generation and publish events are few and written through at once; request and
byte counters from serving sites arrive per request, so they are summed in
memory and written every few seconds (and on ``flush``), never one row per hit.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import datetime

from core.storage.store import Store
from core.storage.tables import utcnow

BUFFERED_METRICS = frozenset({"requests", "bytes"})


class StoreUsageMeter:
    """``UsageMeter`` on the database; buffered counters flushed by ``run_flusher``."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pending: defaultdict[tuple[int, int | None, str], int] = defaultdict(int)
        self._lock = asyncio.Lock()

    async def record(self, user_id: int, metric: str, quantity: int, site_id: int | None = None) -> None:
        if quantity <= 0:
            return
        if metric in BUFFERED_METRICS:
            self._pending[(user_id, site_id, metric)] += quantity
            return
        await self._store.record_usage([(user_id, site_id, metric, quantity, utcnow())])

    async def record_many(self, user_id: int, quantities: dict[str, int], site_id: int | None = None) -> None:
        now = utcnow()
        direct = []
        for metric, quantity in quantities.items():
            if quantity <= 0:
                continue
            if metric in BUFFERED_METRICS:
                self._pending[(user_id, site_id, metric)] += quantity
            else:
                direct.append((user_id, site_id, metric, quantity, now))
        await self._store.record_usage(direct)

    async def flush(self) -> None:
        async with self._lock:
            if not self._pending:
                return
            batch, self._pending = self._pending, defaultdict(int)
            now: datetime = utcnow()
            try:
                await self._store.record_usage([(u, s, m, q, now) for (u, s, m), q in batch.items()])
            except Exception:
                # Keep the counts for the next flush rather than lose them.
                for key, q in batch.items():
                    self._pending[key] += q
                raise

    async def run_flusher(self, every: float) -> None:
        """Flush forever; cancel the task to stop (a final flush runs on cancel)."""
        try:
            while True:
                await asyncio.sleep(every)
                await self.flush()
        finally:
            await asyncio.shield(self.flush())
