"""The route table the edge reads, kept in Redis.

Keys (all under the ``pm:`` prefix, JSON values, written atomically with MULTI):

  pm:host:<hostname>   -> {"slug": "padaria"}                      one per served hostname
  pm:site:<slug>       -> {"slug", "site_id", "version", "plan", "hosts": [...],
                           "endpoints": ["127.0.0.1:30123", ...],  healthy endpoints only
                           "job": 42}                              the publish job that wrote it
  pm:limits:<plan>     -> {"rps", "burst", "monthly_requests", "monthly_bytes"}  (billing writes)

The nginx + Lua edge resolves ``Host`` -> slug -> endpoints and balances across
them; the health monitor rewrites ``endpoints``; removing a site deletes its
host keys and its site key in one transaction, so the edge never sees a
half-written route. A publish writes its route with ``put_release``, which
refuses (``Superseded``) to replace a route written by a later job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import WatchError

from core.errors import Superseded

PREFIX = "pm:"


def host_key(hostname: str) -> str:
    return f"{PREFIX}host:{hostname.lower()}"


def site_key(slug: str) -> str:
    return f"{PREFIX}site:{slug}"


def limits_key(plan: str) -> str:
    return f"{PREFIX}limits:{plan}"


@dataclass(frozen=True)
class Route:
    slug: str
    site_id: int
    version: int
    plan: str
    hosts: tuple[str, ...]
    endpoints: tuple[str, ...] = field(default_factory=tuple)
    job: int = 0  # the publish job that wrote the route (its fencing token; 0: none)

    def to_json(self) -> str:
        return json.dumps(
            {
                "slug": self.slug,
                "site_id": self.site_id,
                "version": self.version,
                "plan": self.plan,
                "hosts": list(self.hosts),
                "endpoints": list(self.endpoints),
                "job": self.job,
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, raw: str | bytes) -> Route:
        data: dict[str, Any] = json.loads(raw)
        return cls(
            slug=data["slug"],
            site_id=int(data["site_id"]),
            version=int(data["version"]),
            plan=str(data.get("plan", "free")),
            hosts=tuple(data.get("hosts", ())),
            endpoints=tuple(data.get("endpoints", ())),
            job=int(data.get("job", 0)),
        )


class RouteTable:
    """Reads and writes routes; every write is one MULTI/EXEC transaction."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def put(self, route: Route) -> None:
        previous = await self.get(route.slug)
        async with self.redis.pipeline(transaction=True) as tx:
            self._write(tx, route, previous)
            await tx.execute()

    async def put_release(self, route: Route) -> None:
        """Write a publish's route unless a later job's is there (``Superseded``); check and write are one step."""
        async with self.redis.pipeline(transaction=True) as tx:
            while True:
                try:
                    await tx.watch(site_key(route.slug))
                    raw = await tx.get(site_key(route.slug))
                    previous = Route.from_json(raw) if raw else None
                    if previous is not None and route.job and previous.job > route.job:
                        raise Superseded(f"the route was written by a later job ({previous.job})")
                    tx.multi()  # type: ignore[no-untyped-call]
                    self._write(tx, route, previous)
                    await tx.execute()
                    return
                except WatchError:
                    continue  # someone wrote the route meanwhile: read it again

    @staticmethod
    def _write(tx: Any, route: Route, previous: Route | None) -> None:
        for host in set(previous.hosts) - set(route.hosts) if previous else set():
            tx.delete(host_key(host))
        for host in route.hosts:
            tx.set(host_key(host), json.dumps({"slug": route.slug}))
        tx.set(site_key(route.slug), route.to_json())

    async def set_endpoints(self, slug: str, endpoints: tuple[str, ...]) -> Route | None:
        route = await self.get(slug)
        if route is None:
            return None
        updated = replace(route, endpoints=tuple(sorted(endpoints)))
        if updated != route:
            await self.redis.set(site_key(slug), updated.to_json())
        return updated

    async def get(self, slug: str) -> Route | None:
        raw = await self.redis.get(site_key(slug))
        return Route.from_json(raw) if raw else None

    async def resolve(self, hostname: str) -> Route | None:
        raw = await self.redis.get(host_key(hostname))
        if not raw:
            return None
        return await self.get(str(json.loads(raw)["slug"]))

    async def remove(self, slug: str) -> None:
        route = await self.get(slug)
        async with self.redis.pipeline(transaction=True) as tx:
            for host in route.hosts if route else ():
                tx.delete(host_key(host))
            tx.delete(site_key(slug))
            await tx.execute()

    async def slugs(self) -> list[str]:
        found: list[str] = []
        async for key in self.redis.scan_iter(match=f"{PREFIX}site:*", count=500):
            name = key.decode() if isinstance(key, bytes) else str(key)
            found.append(name[len(f"{PREFIX}site:"):])
        return sorted(found)
