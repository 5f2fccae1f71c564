"""The usage drain and a backup never run at once.

The drain moves the edge's counts from Redis into the database in three steps
(billing/aggregator.py); a backup copies both at one instant (hosting/backup). Were a drain to
run between the backup's copy of Redis and its snapshot of the database, the restored system
would hold the same counts twice (in a bucket and in usage rows), or not at all. So each takes
this lock around its work: the drain skips a round while a backup holds it, a backup waits for
a round to finish. The lock expires by itself should its holder die.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
from collections.abc import AsyncIterator

from redis.asyncio import Redis

from hosting.edge_keys import lock_key

TTL_SECONDS = 300.0
_RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"


@contextlib.asynccontextmanager
async def holding(redis: Redis, prefix: str, wait: float = 0.0, ttl: float = TTL_SECONDS) -> AsyncIterator[bool]:
    """Yields True while this holder has the lock, False when it could not get it within ``wait`` s."""
    key, token = lock_key(prefix), secrets.token_hex(8)
    deadline = time.monotonic() + wait
    while not await redis.set(key, token, nx=True, px=int(ttl * 1000)):
        if time.monotonic() >= deadline:
            yield False
            return
        await asyncio.sleep(0.1)
    try:
        yield True
    finally:
        await redis.eval(_RELEASE, 1, key, token)  # type: ignore[misc]
