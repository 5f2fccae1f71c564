"""Exact usage metering: every request and every byte the client received is counted, also
across a Redis crash and restart in the middle of traffic."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path

from redis.asyncio import Redis

from hosting.edge.nginx import EdgeProcess
from hosting.edge_keys import edges_key, hold_key, month_key, overflow_key, parse_bucket
from hosting.routes import Route, RouteTable
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import PrivateRedis, RawClient, Upstream, unique
from tests.waiting import eventually


def hammer(
    port: int, host: str, total: int, clients: int, stop: threading.Event | None = None
) -> tuple[int, int, dict[int, int]]:
    """``total`` requests (or until ``stop``) over ``clients`` keep-alive connections:
    (answers, bytes received, statuses)."""
    results: list[RawClient] = []

    def run(n: int) -> None:
        client = RawClient(port)
        sent = 0
        while (stop is None and sent < n) or (stop is not None and not stop.is_set()):
            client.get(host)
            sent += 1
        client.close()
        results.append(client)

    threads = [threading.Thread(target=run, args=(total // clients,)) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses: dict[int, int] = {}
    for c in results:
        for status, n in c.statuses.items():
            statuses[status] = statuses.get(status, 0) + n
    return sum(statuses.values()), sum(c.received for c in results), statuses


async def counted(redis: Redis, prefix: str, slug: str) -> dict[str, int]:
    """Sum of the edge's minute buckets of ``slug``."""
    totals: dict[str, int] = {}
    async for key in redis.scan_iter(match=f"{prefix}{slug}:*", count=1000):
        name = key.decode() if isinstance(key, bytes) else key
        if parse_bucket(prefix, name) is None:
            continue
        for field, value in (await redis.hgetall(name)).items():  # type: ignore[misc]
            field_name = field.decode() if isinstance(field, bytes) else field
            if field_name != "site_id":
                totals[field_name] = totals.get(field_name, 0) + int(value)
    return totals


async def settled(redis: Redis, prefix: str, slug: str, requests: int, instance: str) -> dict[str, int]:
    """The counts once ``requests`` are in, checked again after one more flush: a late extra count
    (a batch stored twice) would show up by then."""

    async def all_in() -> dict[str, int] | None:
        totals = await counted(redis, prefix, slug)
        return totals if totals.get("requests", 0) >= requests else None

    await eventually(all_in, what=f"{requests} requests counted")
    flushed = await redis.zscore(edges_key(prefix), instance) or 0.0

    async def flushed_again() -> bool:
        return (await redis.zscore(edges_key(prefix), instance) or 0.0) > flushed

    await eventually(flushed_again, what="one more flush")
    return await counted(redis, prefix, slug)


async def month_totals(redis: Redis, prefix: str, slug: str) -> dict[str, int]:
    """The month counters of ``slug``, over whichever months they fall in (the run may straddle two)."""
    totals: dict[str, int] = {}
    async for key in redis.scan_iter(match=month_key(prefix, slug, "*")):
        for field, value in (await redis.hgetall(key)).items():  # type: ignore[misc]
            name = field.decode() if isinstance(field, bytes) else field
            totals[name] = totals.get(name, 0) + int(value)
    return totals


async def test_ten_thousand_requests_are_counted_exactly(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    site = upstream("site", body_size=300)
    slug, host = unique("padaria"), f"{unique('padaria')}.test"
    await keys.route(slug, [host], [site.endpoint], plan=unique("plan"), site_id=42)
    proxy = edge()

    answers, received, statuses = await asyncio.to_thread(hammer, proxy.config.port, host, 10_000, 4)
    assert answers == 10_000 and statuses == {200: 10_000}

    totals = await settled(keys.redis, keys.usage_prefix, slug, 10_000, proxy.config.instance)
    assert totals["requests"] == 10_000
    assert totals["bytes"] == received
    assert totals["2xx"] == 10_000
    month = await month_totals(keys.redis, keys.usage_prefix, slug)
    assert (month["requests"], month["bytes"]) == (10_000, received)
    assert not await keys.redis.exists(overflow_key(keys.usage_prefix))


async def test_redis_crash_and_restart_during_traffic_loses_no_count(
    tmp_path: Path, keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    private = PrivateRedis(tmp_path)
    private.start()
    redis = Redis.from_url(private.url)
    try:
        site = upstream("site", body_size=100)
        slug, host = unique("oficina"), f"{unique('oficina')}.test"
        await RouteTable(redis).put(Route(slug, 7, 1, "free", (host,), (site.endpoint,)))
        proxy = edge(redis_url=private.url)

        stop = threading.Event()
        traffic = asyncio.create_task(asyncio.to_thread(hammer, proxy.config.port, host, 0, 2, stop))

        async def served_more(than: int, what: str) -> int:
            await eventually(lambda: site.hits >= than + 200, what=what)
            return site.hits

        async def counted_some() -> bool:
            return (await counted(redis, keys.usage_prefix, slug)).get("requests", 0) > 0

        await eventually(counted_some, what="the first requests counted in Redis")
        private.stop()  # Redis crashes while requests keep coming
        await eventually(lambda: "Redis unreachable" in proxy.error_log(), what="the edge to notice")
        hits = await served_more(site.hits, "requests served while Redis is down")  # traffic goes on
        private.start()
        await eventually(lambda: "Redis reachable again" in proxy.error_log(), what="the edge to reconnect")
        await served_more(hits, "requests served after Redis came back")
        stop.set()
        await redis.aclose()
        redis = Redis.from_url(private.url)
        answers, received, statuses = await traffic
        assert statuses == {200: answers}  # not one request refused or lost for want of Redis

        totals = await settled(redis, keys.usage_prefix, slug, answers, proxy.config.instance)
        assert totals["requests"] == answers
        assert totals["bytes"] == received
        log = proxy.error_log()
        assert "Redis unreachable" in log and "Redis reachable again" in log
    finally:
        await redis.aclose()
        private.stop()


async def test_a_backups_hold_keeps_the_counts_at_the_edge_until_it_is_released(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    """While a backup reads the usage keys (P~hold set), edges apply nothing and keep their counts;
    the counts arrive, exactly, once the hold is gone; routing and limits go on meanwhile."""
    site = upstream("site", body_size=50)
    slug, host = unique("talho"), f"{unique('talho')}.test"
    await keys.route(slug, [host], [site.endpoint], plan=unique("plan"), site_id=9)
    proxy = edge()
    hold = hold_key(keys.usage_prefix)
    await keys.redis.set(hold, "1", ex=60)
    try:
        _answers, received, statuses = await asyncio.to_thread(hammer, proxy.config.port, host, 500, 2)
        assert statuses == {200: 500}
        await asyncio.sleep(1.0)  # five flush intervals of the test edge: all of them held
        assert await counted(keys.redis, keys.usage_prefix, slug) == {}
        assert "Redis unreachable" not in proxy.error_log()  # a hold is not an outage
    finally:
        await keys.redis.delete(hold)
    totals = await settled(keys.redis, keys.usage_prefix, slug, 500, proxy.config.instance)
    assert totals["requests"] == 500 and totals["bytes"] == received
