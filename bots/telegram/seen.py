"""Which updates were already handled, so a redelivered one is not handled twice.

Telegram redelivers an update when it did not see our answer in time (a slow
webhook, a restart). One process remembers in memory; replicas behind one
webhook share the memory in Redis, where ``SET NX`` makes exactly one of them
the first. When Redis cannot be reached the process falls back to its own
memory: a message is never dropped because the shared memory is down.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger("pagemagic.telegram")

# Telegram keeps an undelivered update for 24 hours; after that it cannot come back.
REDELIVERY_WINDOW_SECONDS = 24 * 3600
KEY_PREFIX = "pm:tg:seen:"


class SeenUpdates(Protocol):
    async def first_time(self, bot_id: int, update_id: int) -> bool:
        """True exactly once per update of a bot."""
        ...


class MemorySeen:
    """The last ``kept`` update ids of this process."""

    def __init__(self, kept: int = 20_000) -> None:
        self._kept = kept
        self._seen: OrderedDict[tuple[int, int], None] = OrderedDict()

    async def first_time(self, bot_id: int, update_id: int) -> bool:
        key = (bot_id, update_id)
        if key in self._seen:
            return False
        self._seen[key] = None
        if len(self._seen) > self._kept:
            self._seen.popitem(last=False)
        return True


class RedisSeen:
    """Shared by every replica: the first ``SET NX`` of an update wins."""

    def __init__(self, redis: Redis, ttl_seconds: int = REDELIVERY_WINDOW_SECONDS) -> None:
        self._redis = redis
        self._ttl = ttl_seconds
        self._local = MemorySeen()
        self._degraded = False

    async def first_time(self, bot_id: int, update_id: int) -> bool:
        local = await self._local.first_time(bot_id, update_id)  # also catches repeats while Redis is down
        try:
            won = await self._redis.set(f"{KEY_PREFIX}{bot_id}:{update_id}", b"1", nx=True, ex=self._ttl)
        except (RedisError, OSError) as error:
            if not self._degraded:
                log.warning("Redis unreachable for update de-duplication (%s); this replica remembers alone",
                            type(error).__name__)
                self._degraded = True
            return local
        if self._degraded:
            log.info("Redis reachable again for update de-duplication")
            self._degraded = False
        return bool(won) and local
