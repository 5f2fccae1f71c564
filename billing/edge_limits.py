"""Plans at the edge: ``pm:limits:<plan>`` in Redis, written from billing/plans.py.

The edge reads a site's limits through its route (``plan`` field) and caches both for
``edge_cache_ttl`` seconds, so a changed plan or changed limits apply within seconds and
without reloading nginx. Monthly quotas come from the plan's ``requests`` and ``bytes``
limits and are enforced per site.
"""

from __future__ import annotations

import json
from dataclasses import replace

from redis.asyncio import Redis

from billing.plans import PLANS, Plan
from hosting.routes import Route, RouteTable, limits_key


def edge_limits(plan: Plan) -> dict[str, int | bool | None]:
    """The JSON the edge reads for ``plan`` (``None`` means no limit; ``waf``: its sites are behind the WAF)."""
    return {
        "rps": plan.edge.get("rps"),
        "burst": plan.edge.get("burst"),
        "client_rps": plan.edge.get("client_rps"),
        "client_burst": plan.edge.get("client_burst"),
        "monthly_requests": plan.limit("requests"),
        "monthly_bytes": plan.limit("bytes"),
        "waf": plan.waf,
    }


class EdgeLimits:
    """Keeps the edge's view of plans and of each site's plan up to date."""

    def __init__(self, redis: Redis, plans: dict[str, Plan] | None = None) -> None:
        self.redis = redis
        self.plans = PLANS if plans is None else plans
        self.routes = RouteTable(redis)

    async def publish(self) -> None:
        """Write every plan's limits in one transaction (at start-up and after a plan edit)."""
        async with self.redis.pipeline(transaction=True) as tx:
            for name, plan in self.plans.items():
                tx.set(limits_key(name), json.dumps(edge_limits(plan), separators=(",", ":")))
            await tx.execute()

    async def set_site_plan(self, slug: str, plan: str) -> Route | None:
        """Move one published site to ``plan``; the edge applies it within its cache time."""
        if plan not in self.plans:
            raise ValueError(f"unknown plan {plan!r}")
        route = await self.routes.get(slug)
        if route is None or route.plan == plan:
            return route
        updated = replace(route, plan=plan)
        await self.routes.put(updated)
        return updated

    async def set_owner_plan(self, slugs: list[str], plan: str) -> None:
        """After an account changes plan: move each of its published sites."""
        for slug in slugs:
            await self.set_site_plan(slug, plan)
