"""Exact usage metering: every request and every byte the client received is counted, also
across a Redis crash and restart in the middle of traffic."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path

from redis.asyncio import Redis

from hosting.edge.nginx import EdgeProcess
from hosting.edge_keys import hold_key, month_key, overflow_key, parse_bucket
from hosting.routes import Route, RouteTable
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import PrivateRedis, RawClient, Upstream, unique


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


async def settled(redis: Redis, prefix: str, slug: str, requests: int, timeout: float = 5.0) -> dict[str, int]:
    deadline = time.monotonic() + timeout
    while True:
        totals = await counted(redis, prefix, slug)
        if totals.get("requests", 0) >= requests or time.monotonic() > deadline:
            await asyncio.sleep(0.5)  # a late extra count would show up now
            return await counted(redis, prefix, slug)
        await asyncio.sleep(0.1)


async def test_ten_thousand_requests_are_counted_exactly(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    site = upstream("site", body_size=300)
    slug, host = unique("padaria"), f"{unique('padaria')}.test"
    await keys.route(slug, [host], [site.endpoint], plan=unique("plan"), site_id=42)
    proxy = edge()

    answers, received, statuses = await asyncio.to_thread(hammer, proxy.config.port, host, 10_000, 4)
    assert answers == 10_000 and statuses == {200: 10_000}

    totals = await settled(keys.redis, keys.usage_prefix, slug, 10_000)
    assert totals["requests"] == 10_000
    assert totals["bytes"] == received
    assert totals["2xx"] == 10_000
    month = time.strftime("%Y%m", time.gmtime())
    month_totals = await keys.redis.hgetall(month_key(keys.usage_prefix, slug, month))  # type: ignore[misc]
    assert int(month_totals[b"requests"]) == 10_000 and int(month_totals[b"bytes"]) == received
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
        await asyncio.sleep(0.5)
        private.stop()  # Redis crashes while requests keep coming
        await asyncio.sleep(1.0)
        private.start()
        await asyncio.sleep(0.5)
        stop.set()
        await redis.aclose()
        redis = Redis.from_url(private.url)
        answers, received, statuses = await traffic
        assert answers > 1_000 and statuses == {200: answers}  # traffic never stopped

        totals = await settled(redis, keys.usage_prefix, slug, answers)
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
    totals = await settled(keys.redis, keys.usage_prefix, slug, 500)
    assert totals["requests"] == 500 and totals["bytes"] == received
