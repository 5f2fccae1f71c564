"""``AttemptLimiter`` on Redis: every replica of `pagemagic serve` shares the counts of wrong guesses.

One key per counter, ``INCR`` then ``EXPIRE`` on the first failure of a window (fixed
windows, like the in-process limiter).
"""

from __future__ import annotations

from redis.asyncio import Redis

from core.accounts.attempts import Limit
from core.errors import TooManyAttempts

PREFIX = "pm:attempts:"


class RedisAttempts:
    def __init__(self, redis: Redis, prefix: str = PREFIX) -> None:
        self.redis = redis
        self.prefix = prefix

    async def check(self, key: str, limit: Limit) -> None:
        name = self.prefix + key
        count = await self.redis.get(name)
        if count is not None and int(count) >= limit.attempts:
            ttl = await self.redis.ttl(name)
            raise TooManyAttempts(float(max(ttl, 1)))

    async def fail(self, key: str, limit: Limit) -> None:
        name = self.prefix + key
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, int(limit.window.total_seconds()), nx=True)
            await pipe.execute()

    async def clear(self, key: str) -> None:
        await self.redis.delete(self.prefix + key)
