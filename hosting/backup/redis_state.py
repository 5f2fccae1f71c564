"""What a backup keeps of Redis: only what nothing else can rebuild.

Kept: the edge's usage counts not yet drained into the database (minute buckets, drains in
progress, month-to-date totals the edge's quotas read, overflow counters, dead drains, and the
ids of batches applied in the last hour, so that an edge resending one after a restore is not
counted twice), and the custom domains' certificates (already sealed with the certificate key)
and the ACME account key. Not kept, because restore rebuilds them: the route table (from the
database, hosting/backup/redeploy.py) and the plans' edge limits (from billing/plans.toml). Not
kept, because they are fleeting: edge heartbeats, request rates, locks, ACME challenge answers,
Telegram's update dedup and poller lease, the job queue (jobs live in the database).

The keys are read while the usage drain is held off and the edges hold their counts
(``P~lock``, ``P~hold``), so they show one instant, the same as the database snapshot.
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from redis.asyncio import Redis

from hosting.domains.certstore import ACCOUNT_KEY
from hosting.edge_keys import hold_key
from hosting.routes import PREFIX

BATCH_TTL = 604_800  # seconds an edge batch id lives (lua/usage.lua)
RECENT_BATCHES = 3600  # batch ids younger than this are kept
SKIPPED = ("~edges", "~lock", "~hold", "~rate:")


def kept(key: str, usage_prefix: str) -> bool:
    if key == ACCOUNT_KEY or key.startswith(f"{PREFIX}cert:"):
        return True
    if not key.startswith(usage_prefix):
        return False
    rest = key[len(usage_prefix) :]
    return not rest.startswith(SKIPPED)


@contextlib.asynccontextmanager
async def held(redis: Redis, usage_prefix: str, seconds: int = 120) -> AsyncIterator[None]:
    """Edges keep their counts while the block runs (they apply them once it ends)."""
    await redis.set(hold_key(usage_prefix), "backup", ex=seconds)
    try:
        yield
    finally:
        await redis.delete(hold_key(usage_prefix))


def _b64(value: bytes) -> str:
    return base64.b64encode(value).decode()


async def export(redis: Redis, usage_prefix: str) -> list[dict[str, Any]]:
    """Every kept key as ``{"key", "type", "ttl_ms", "value"}`` (bytes in base64)."""
    names: set[str] = set()
    for pattern in (f"{usage_prefix}*", f"{PREFIX}cert:*", ACCOUNT_KEY):
        async for key in redis.scan_iter(match=pattern, count=1000):
            name = key.decode() if isinstance(key, bytes) else str(key)
            if kept(name, usage_prefix):
                names.add(name)
    entries: list[dict[str, Any]] = []
    for name in sorted(names):
        kind = (await redis.type(name)).decode()
        ttl = int(await redis.pttl(name))
        if name.startswith(f"{usage_prefix}~batch:") and 0 < ttl < (BATCH_TTL - RECENT_BATCHES) * 1000:
            continue
        value: Any
        if kind == "string":
            raw = await redis.get(name)
            if raw is None:
                continue
            value = _b64(raw)
        elif kind == "hash":
            value = {_b64(k): _b64(v) for k, v in (await redis.hgetall(name)).items()}  # type: ignore[misc]
        elif kind == "set":
            value = sorted(_b64(m) for m in await redis.smembers(name))  # type: ignore[misc]
        elif kind == "zset":
            value = [[_b64(m), s] for m, s in await redis.zrange(name, 0, -1, withscores=True)]
        elif kind == "list":
            value = [_b64(m) for m in await redis.lrange(name, 0, -1)]  # type: ignore[misc]
        else:
            continue  # gone meanwhile (type "none"), or a kind we never write
        entries.append({"key": name, "type": kind, "ttl_ms": ttl if ttl > 0 else None, "value": value})
    return entries


async def load(redis: Redis, entries: list[dict[str, Any]]) -> int:
    """Write the entries back (replacing keys of the same name); returns how many."""
    async with redis.pipeline(transaction=True) as tx:
        for entry in entries:
            key, kind, value = entry["key"], entry["type"], entry["value"]
            tx.delete(key)
            if kind == "string":
                tx.set(key, base64.b64decode(value))
            elif kind == "hash":
                tx.hset(key, mapping={base64.b64decode(k): base64.b64decode(v) for k, v in value.items()})
            elif kind == "set":
                tx.sadd(key, *(base64.b64decode(m) for m in value))
            elif kind == "zset":
                tx.zadd(key, {base64.b64decode(m): float(s) for m, s in value})
            elif kind == "list":
                tx.rpush(key, *(base64.b64decode(m) for m in value))
            if entry.get("ttl_ms"):
                tx.pexpire(key, int(entry["ttl_ms"]))
        await tx.execute()
    return len(entries)
