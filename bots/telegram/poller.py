"""One poller per bot among replicas: Telegram answers a second ``getUpdates`` with 409 Conflict.

In polling mode every replica of ``pagemagic serve`` would call ``getUpdates`` for the same bot,
and Telegram lets only one long poll live at a time: the others get 409 and updates bounce
between replicas. With Redis, the replicas elect one poller through a lease (``SET NX PX``,
renewed at a third of its length); when the poller stops or dies, another takes over once the
lease is released or runs out. Without Redis, or while it is down, a replica polls anyway:
a bot that answers twice (de-duplicated by update id) beats a bot that does not answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger("pagemagic.telegram")

KEY_PREFIX = "pm:tg:poller:"
# Renew the lease only while it is still ours; give it up only if it is ours.
_RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0"
_RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"


class PollerElection:
    def __init__(
        self,
        redis: Redis,
        bot_id: int,
        start: Callable[[], Awaitable[None]],
        stop: Callable[[], Awaitable[None]],
        lease_seconds: float = 15.0,
    ) -> None:
        self._redis = redis
        self._key = f"{KEY_PREFIX}{bot_id}"
        self._token = secrets.token_hex(8)
        self._start, self._stop = start, stop
        self._lease_ms = int(lease_seconds * 1000)
        self.polling = False
        self.rounds = 0  # election steps taken: "has had its chances" is a count, not a duration
        self._task: asyncio.Task[None] | None = None

    def run(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="telegram-poller-election")

    async def close(self) -> None:
        """Stop polling (if this replica polls) and hand the lease over at once."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.polling:
            await self._stop()
            self.polling = False
        with contextlib.suppress(RedisError, OSError):
            await self._redis.eval(_RELEASE, 1, self._key, self._token)  # type: ignore[misc]

    async def _loop(self) -> None:
        while True:
            await self._step()
            self.rounds += 1
            await asyncio.sleep(self._lease_ms / 3000)

    async def _step(self) -> None:
        try:
            if self.polling:
                if not await self._redis.eval(_RENEW, 1, self._key, self._token, str(self._lease_ms)):  # type: ignore[misc]
                    log.warning("another replica took over polling for this bot; this one stops")
                    await self._stop()
                    self.polling = False
            elif await self._redis.set(self._key, self._token, nx=True, px=self._lease_ms):
                log.info("this replica polls Telegram for updates")
                await self._start()
                self.polling = True
        except (RedisError, OSError) as error:
            if not self.polling:
                log.warning("Redis unreachable for the poller election (%s); polling anyway", type(error).__name__)
                await self._start()
                self.polling = True
