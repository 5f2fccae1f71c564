"""Fixtures for the edge tests: real nginx with the Lua module, the shared Redis on 6379
(only keys under this test's own names), upstream servers on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from hosting.edge.config import EdgeConfig, RedisAddress
from hosting.edge.nginx import EdgeProcess
from hosting.routes import Route, RouteTable, host_key, limits_key, site_key
from tests.hosting.edge.harness import Upstream, free_port, unique

REDIS_URL = "redis://127.0.0.1:6379/0"


class Keys:
    """Every Redis key a test writes, removed afterwards (never FLUSHDB: the Redis is shared)."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis
        self.usage_prefix = f"pm:test-{unique('edge')}:usage:"
        self.routes: list[Route] = []
        self.plans: list[str] = []

    async def route(self, slug: str, hosts: list[str], endpoints: list[str], plan: str, site_id: int = 1) -> Route:
        route = Route(slug, site_id, 1, plan, tuple(hosts), tuple(endpoints))
        await RouteTable(self.redis).put(route)
        self.routes.append(route)
        return route

    async def limits(self, plan: str, **values: int | None) -> str:
        await self.redis.set(limits_key(plan), json.dumps(values))
        self.plans.append(plan)
        return plan

    async def clean(self) -> None:
        names: list[str] = [site_key(r.slug) for r in self.routes]
        names += [host_key(h) for r in self.routes for h in r.hosts]
        names += [limits_key(p) for p in self.plans]
        async for key in self.redis.scan_iter(match=f"{self.usage_prefix}*", count=1000):
            names.append(key.decode() if isinstance(key, bytes) else key)
        if names:
            await self.redis.delete(*names)



@pytest.fixture
async def keys(redis: Redis) -> AsyncIterator[Keys]:
    k = Keys(redis)
    try:
        yield k
    finally:
        await k.clean()


@pytest.fixture
def upstream() -> Iterator[Callable[..., Upstream]]:
    started: list[Upstream] = []

    def make(name: str, body_size: int = 0) -> Upstream:
        server = Upstream(name, body_size)
        started.append(server)
        return server

    yield make
    for server in started:
        server.close()


@pytest.fixture
def edge(tmp_path: Path, keys: Keys) -> Iterator[Callable[..., EdgeProcess]]:
    """Starts nginx with the edge config (short cache and flush times); stopped afterwards."""
    started: list[EdgeProcess] = []

    def start(redis_url: str = REDIS_URL, **changes: object) -> EdgeProcess:
        config = EdgeConfig(
            prefix=tmp_path / f"edge{len(started)}",
            port=free_port(),
            workers=2,
            redis=RedisAddress.from_url(redis_url),
            usage_prefix=keys.usage_prefix,
            cache_ttl=0.3,
            flush_interval=0.2,
            log_level="info",
        ).with_changes(**changes)
        process = EdgeProcess(config).start()
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()
