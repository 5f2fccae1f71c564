"""Edge counters -> usage rows exactly once, whatever step the aggregator crashes at."""

from __future__ import annotations

import asyncio
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

# The minute the edge counted in: the last of a year, so a drain that filed usage under the wrong
# day, month or year would fall outside the totals read around it. No test reads the wall clock.
AT = datetime(2026, 12, 31, 23, 59, 30, tzinfo=UTC)


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
    now = AT
    return await store.usage_totals(user_id, now - timedelta(days=1), now + timedelta(days=1))


async def test_a_crash_at_any_step_neither_loses_nor_doubles(store: Store, redis: tuple[Redis, str]) -> None:
    client, prefix = redis
    user_id, site_id = await published(store)
    minute = minute_of(AT)
    await edge_counts(client, prefix, "padaria", site_id, minute, 100, 5_000)

    # crash after the hand-over, before the database write
    first = UsageAggregator(client, store, prefix, clock=lambda: AT)
    drains = await first.claim()
    assert len(drains) == 1
    await edge_counts(client, prefix, "padaria", site_id, minute, 7, 300)  # the edge keeps counting meanwhile

    # crash after the database write, before the release
    second = UsageAggregator(client, store, prefix, clock=lambda: AT)
    drains = await second.claim()
    assert len(drains) == 2
    for drain in drains:
        await second.persist(drain)
    assert await totals(store, user_id) == {"requests": 107, "bytes": 5_300}

    # a fresh run finds both already stored and only releases them
    third = UsageAggregator(client, store, prefix, clock=lambda: AT)
    results = await third.drain_once()
    assert sorted(r.outcome for r in results) == ["duplicate", "duplicate"]
    assert await totals(store, user_id) == {"requests": 107, "bytes": 5_300}
    assert await client.scard(draining_key(prefix)) == 0  # type: ignore[misc]
    assert await third.drain_once() == []


async def test_rates_for_the_autoscaler_and_unknown_sites_kept_aside(store: Store, redis: tuple[Redis, str]) -> None:
    client, prefix = redis
    _user_id, site_id = await published(store)
    now = AT
    await edge_counts(client, prefix, "loja", site_id, minute_of(now), 600, 60_000)
    await edge_counts(client, prefix, "gone", 999_999, minute_of(now), 5, 50)
    aggregator = UsageAggregator(client, store, prefix, clock=lambda: AT)
    results = {r.slug: r.outcome for r in await aggregator.drain_once()}
    assert results == {"loja": "stored", "gone": "dead"}
    rate = await aggregator.request_rate("loja")
    assert 600 / 60 <= rate <= 2 * 600 / 60
    dead = [k async for k in client.scan_iter(match=dead_key(prefix, "*"))]
    assert len(dead) == 1 and int(await client.hget(dead[0], "requests")) == 5  # type: ignore[misc]


async def sites(store: Store, count: int) -> list[tuple[int, int, str]]:
    """``count`` published sites of one owner: (user id, site id, slug)."""
    conv = await store.conversation(ChatRef("terminal", "many", "u-many"))
    made = []
    for _ in range(count):
        site = await store.create_site(conv.id, conv.user_id, sample_site(), "x", new_preview_token(), timedelta(hours=1))
        made.append((conv.user_id, site.id, site.slug))
    return made


async def test_batches_survive_a_crash_between_any_two_batches_and_steps(store: Store, redis: tuple[Redis, str]) -> None:
    """The batched drain (many drains a transaction) is still exactly once: crash after claiming,
    after storing one batch of several, and while a second aggregator races on the same drains."""
    client, prefix = redis
    made = await sites(store, 25)
    user_id = made[0][0]
    minute = minute_of(AT)
    for _, site_id, slug in made:
        await edge_counts(client, prefix, slug, site_id, minute, 4, 100)

    first = UsageAggregator(client, store, prefix, batch=10, clock=lambda: AT)
    drains = await first.claim()
    assert len(drains) == 25
    stored = await first.persist_many(drains[:10])  # crash: the first batch stored, never released
    assert [result.outcome for _, result in stored] == ["stored"] * 10

    racing = [UsageAggregator(client, store, prefix, batch=10, clock=lambda: AT) for _ in range(2)]
    both = await asyncio.gather(*(aggregator.persist_many(drains[5:20]) for aggregator in racing),
                                return_exceptions=True)
    outcomes = [result.outcome for run in both if isinstance(run, list) for _, result in run]
    assert outcomes.count("stored") <= 10  # drains 10..19 stored by at most one of the two
    assert await totals(store, user_id) == {"requests": 4 * (10 + outcomes.count("stored")),
                                            "bytes": 100 * (10 + outcomes.count("stored"))}

    last = UsageAggregator(client, store, prefix, batch=10, clock=lambda: AT)
    results = await last.drain_once()
    assert len(results) == 25 and {r.outcome for r in results} <= {"stored", "duplicate"}
    assert await totals(store, user_id) == {"requests": 4 * 25, "bytes": 100 * 25}
    assert await client.scard(draining_key(prefix)) == 0  # type: ignore[misc]


async def test_a_drain_the_database_refuses_does_not_hold_up_its_batch(store: Store, redis: tuple[Redis, str]) -> None:
    client, prefix = redis
    made = await sites(store, 5)
    user_id = made[0][0]
    minute = minute_of(AT)
    for _, site_id, slug in made:
        await edge_counts(client, prefix, slug, site_id, minute, 3, 30)
    # a site id no INTEGER column holds: PostgreSQL refuses the batch's query (SQLite finds no such site)
    await client.hset(bucket_key(prefix, made[2][2], minute), "site_id", "9" * 12)  # type: ignore[misc]
    # a count no BIGINT holds: never sent to the database, left listed
    await edge_counts(client, prefix, "huge", made[0][1], minute, 1, 1)
    await client.hset(bucket_key(prefix, "huge", minute), "bytes", "9" * 20)  # type: ignore[misc]
    aggregator = UsageAggregator(client, store, prefix, batch=10, clock=lambda: AT)
    results = await aggregator.drain_once()
    assert sorted(r.slug for r in results if r.outcome == "stored") == sorted(s for _, _, s in made if s != made[2][2])
    assert await totals(store, user_id) == {"requests": 3 * 4, "bytes": 30 * 4}
    assert await client.scard(draining_key(prefix)) >= 1  # type: ignore[misc]  # the bad ones, for inspection
