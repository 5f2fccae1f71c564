"""Edge usage into durable usage rows, exactly once, and request rates for the autoscaler.

The edge adds to one Redis hash per site per minute (hosting/edge_keys.py). Draining is a
hand-over in three steps, each safe to repeat:

1. ``claim``: one Redis script pops bucket keys from the index and RENAMEs each to a drain
   key of its own (new edge counts then start a fresh bucket), listed in ``~draining``.
2. ``persist``: the drain's counts become usage rows, written in the same database
   transaction as the drain's id in ``usage_drains``; a drain already there is skipped.
3. ``release``: the drain key is deleted and leaves ``~draining``.

A crash after 1 leaves the drain listed, so the next run persists it; a crash after 2
leaves it listed too, and the next run finds its id and only releases it. Nothing is
lost, nothing counted twice.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from redis.asyncio import Redis

from core.storage.store import Store
from core.storage.tables import SiteRow, UsageEventRow
from core.storage.usage_drains import UsageDrainRow
from hosting import usage_lock
from hosting.edge_keys import (
    DEFAULT_PREFIX,
    dead_key,
    draining_key,
    minute_of,
    minute_start,
    parse_bucket,
    rate_key,
)

log = logging.getLogger(__name__)

CLAIM = """
local p, base, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local popped = redis.call('SPOP', p .. '~index', limit)
for i, k in ipairs(popped) do
  if redis.call('EXISTS', k) == 1 then
    local d = p .. '~drain:' .. base .. ':' .. i
    redis.call('RENAME', k, d)
    redis.call('HSET', d, '~key', k)
    redis.call('SADD', p .. '~draining', d)
  end
end
return redis.call('SMEMBERS', p .. '~draining')
"""


@dataclass(frozen=True)
class Drained:
    slug: str
    site_id: int | None
    minute: str
    requests: int
    bytes: int
    outcome: Literal["stored", "duplicate", "dead"]  # duplicate: an earlier run stored it; dead: site gone


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class UsageAggregator:
    """Drains edge counters into ``usage_events`` and keeps per-site request rates."""

    def __init__(self, redis: Redis, store: Store, prefix: str = DEFAULT_PREFIX, claim_limit: int = 1000) -> None:
        self.redis = redis
        self.store = store
        self.prefix = prefix
        self.claim_limit = claim_limit
        self._minutes: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))

    async def claim(self) -> list[str]:
        """Step 1: hand new buckets over; returns every drain key not yet released."""
        keys = await self.redis.eval(CLAIM, 0, self.prefix, uuid.uuid4().hex, str(self.claim_limit))  # type: ignore[misc]
        return sorted(_text(k) for k in keys)

    async def persist(self, drain: str) -> Drained | None:
        """Step 2: the drain's counts into the database, once (keyed by the drain's name)."""
        raw = await self.redis.hgetall(drain)  # type: ignore[misc]
        if not raw:
            return None
        data = {_text(k): _text(v) for k, v in raw.items()}
        parsed = parse_bucket(self.prefix, data.get("~key", ""))
        if parsed is None:
            log.error("usage drain %s has no bucket name; left for inspection", drain)
            return None
        slug, minute = parsed
        site_id = int(data["site_id"]) if data.get("site_id", "").isdigit() else None
        requests, sent = int(data.get("requests", 0)), int(data.get("bytes", 0))
        drain_id = drain[len(self.prefix):]
        when = minute_start(minute)
        async with self.store.session() as session, session.begin():
            if await session.get(UsageDrainRow, drain_id) is not None:
                return Drained(slug, site_id, minute, requests, sent, "duplicate")
            site = await session.get(SiteRow, site_id) if site_id is not None else None
            stored = site is not None
            if site is not None:
                session.add(UsageDrainRow(id=drain_id))
                session.add_all(
                    UsageEventRow(user_id=site.owner_id, site_id=site.id, metric=metric, quantity=quantity,
                                  created_at=when)
                    for metric, quantity in (("requests", requests), ("bytes", sent))
                    if quantity > 0
                )
                stored = True
        if not stored:
            log.warning("usage for unknown site %s (%s) kept under %s", slug, site_id, dead_key(self.prefix, drain_id))
            async with self.redis.pipeline(transaction=True) as tx:
                tx.rename(drain, dead_key(self.prefix, drain_id))
                tx.srem(draining_key(self.prefix), drain)
                await tx.execute()
        else:
            self._minutes[slug][minute] += requests
        return Drained(slug, site_id, minute, requests, sent, "stored" if stored else "dead")

    async def release(self, drain: str) -> None:
        """Step 3: forget the drain in Redis."""
        async with self.redis.pipeline(transaction=True) as tx:
            tx.delete(drain)
            tx.srem(draining_key(self.prefix), drain)
            await tx.execute()

    async def drain_once(self) -> list[Drained]:
        """One round of the three steps; skipped while a backup takes its snapshot (hosting/usage_lock.py)."""
        async with usage_lock.holding(self.redis, self.prefix) as held:
            if not held:
                log.info("usage drain: a backup is taking its snapshot; next round")
                return []
            return await self._drain()

    async def _drain(self) -> list[Drained]:
        done: list[Drained] = []
        for drain in await self.claim():
            result = await self.persist(drain)
            if result is None:
                continue
            done.append(result)
            if result.outcome != "dead":
                await self.release(drain)
        await self.publish_rates()
        return done

    # -- request rates for the autoscaler --------------------------------------------

    def rates(self, now: datetime | None = None) -> dict[str, float]:
        """Requests per second per site over the last minute (a sliding estimate over the
        current and previous minute buckets), from the counts this aggregator drained."""
        now = (now or datetime.now(UTC)).astimezone(UTC)
        current, previous = minute_of(now), minute_of(now - timedelta(minutes=1))
        elapsed = now.second + now.microsecond / 1_000_000
        result: dict[str, float] = {}
        for slug, minutes in list(self._minutes.items()):
            for minute in [m for m in minutes if m < previous]:
                del minutes[minute]
            count = minutes.get(current, 0) + minutes.get(previous, 0) * (60 - elapsed) / 60
            result[slug] = count / 60
        return result

    async def publish_rates(self) -> None:
        """``P~rate:<slug>`` for the autoscaler in other processes (expires if we stop)."""
        rates = self.rates()
        if not rates:
            return
        async with self.redis.pipeline(transaction=False) as pipe:
            for slug, rate in rates.items():
                pipe.set(rate_key(self.prefix, slug), f"{rate:.3f}", ex=120)
            await pipe.execute()

    async def request_rate(self, slug: str) -> float:
        """The last published rate of ``slug`` (requests per second; 0 when unknown)."""
        raw = await self.redis.get(rate_key(self.prefix, slug))
        return float(raw) if raw else 0.0
