"""Edge counters -> usage rows exactly once, whatever step the aggregator crashes at."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from billing.aggregator import UsageAggregator
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from hosting.edge_keys import bucket_key, dead_key, draining_key, index_key, minute_of
from tests.core.scripted import sample_site


@pytest.fixture
async def redis() -> AsyncIterator[tuple[Redis, str]]:
    client = Redis.from_url("redis://127.0.0.1:6379/0")
    prefix = f"pm:test-agg-{secrets.token_hex(4)}:usage:"
    try:
        yield client, prefix
    finally:
        names = [k async for k in client.scan_iter(match=f"{prefix}*", count=1000)]
        if names:
            await client.delete(*names)
        await client.aclose()


async def edge_counts(redis: Redis, prefix: str, slug: str, site_id: int, minute: str, requests: int, sent: int) -> None:
    """What the edge's flush script writes for one site-minute."""
    key = bucket_key(prefix, slug, minute)
    await redis.hincrby(key, "requests", requests)  # type: ignore[misc]
    await redis.hincrby(key, "bytes", sent)  # type: ignore[misc]
    await redis.hset(key, "site_id", str(site_id))  # type: ignore[misc]
    await redis.sadd(index_key(prefix), key)  # type: ignore[misc]


async def published(store: Store) -> tuple[int, int]:
    conv = await store.conversation(ChatRef("terminal", "c1", "u1"))
    site = await store.create_site(conv.id, conv.user_id, sample_site(), "x", new_preview_token(), timedelta(hours=1))
    return conv.user_id, site.id


async def totals(store: Store, user_id: int) -> dict[str, int]:
    now = datetime.now(UTC)
    return await store.usage_totals(user_id, now - timedelta(days=1), now + timedelta(days=1))


async def test_a_crash_at_any_step_neither_loses_nor_doubles(store: Store, redis: tuple[Redis, str]) -> None:
    client, prefix = redis
    user_id, site_id = await published(store)
    minute = minute_of(datetime.now(UTC))
    await edge_counts(client, prefix, "padaria", site_id, minute, 100, 5_000)

    # crash after the hand-over, before the database write
    first = UsageAggregator(client, store, prefix)
    drains = await first.claim()
    assert len(drains) == 1
    await edge_counts(client, prefix, "padaria", site_id, minute, 7, 300)  # the edge keeps counting meanwhile

    # crash after the database write, before the release
    second = UsageAggregator(client, store, prefix)
    drains = await second.claim()
    assert len(drains) == 2
    for drain in drains:
        await second.persist(drain)
    assert await totals(store, user_id) == {"requests": 107, "bytes": 5_300}

    # a fresh run finds both already stored and only releases them
    third = UsageAggregator(client, store, prefix)
    results = await third.drain_once()
    assert sorted(r.outcome for r in results) == ["duplicate", "duplicate"]
    assert await totals(store, user_id) == {"requests": 107, "bytes": 5_300}
    assert await client.scard(draining_key(prefix)) == 0  # type: ignore[misc]
    assert await third.drain_once() == []


async def test_rates_for_the_autoscaler_and_unknown_sites_kept_aside(store: Store, redis: tuple[Redis, str]) -> None:
    client, prefix = redis
    _user_id, site_id = await published(store)
    now = datetime.now(UTC)
    await edge_counts(client, prefix, "loja", site_id, minute_of(now), 600, 60_000)
    await edge_counts(client, prefix, "gone", 999_999, minute_of(now), 5, 50)
    aggregator = UsageAggregator(client, store, prefix)
    results = {r.slug: r.outcome for r in await aggregator.drain_once()}
    assert results == {"loja": "stored", "gone": "dead"}
    rate = await aggregator.request_rate("loja")
    assert 600 / 60 <= rate <= 2 * 600 / 60
    dead = [k async for k in client.scan_iter(match=dead_key(prefix, "*"))]
    assert len(dead) == 1 and int(await client.hget(dead[0], "requests")) == 5  # type: ignore[misc]
