"""Scales each site's replicas with its request rate, between its plan's bounds, with hysteresis.

Scaling up happens as soon as the rate needs it; scaling down only after the
rate has stayed low for ``calm_checks`` checks in a row, so a site whose
traffic hovers around a threshold does not flap.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from hosting.routes import RouteTable
from hosting.swarm.backend import PlanHosting, SwarmHosting


class RequestRates(Protocol):
    """Requests per second a site received recently (from the edge's usage counters)."""

    async def request_rate(self, slug: str) -> float: ...


@dataclass(frozen=True)
class ScalePolicy:
    per_replica_rps: float = 50.0
    headroom: float = 0.8  # aim to run replicas at 80% of what they can take
    calm_checks: int = 3


def wanted_replicas(rate: float, bounds: PlanHosting, policy: ScalePolicy) -> int:
    need = math.ceil(rate / (policy.per_replica_rps * policy.headroom)) if rate > 0 else 0
    return max(bounds.replicas_min, min(bounds.replicas_max, need))


@dataclass
class Autoscaler:
    hosting: SwarmHosting
    routes: RouteTable
    rates: RequestRates
    policy: ScalePolicy = ScalePolicy()
    _calm: dict[str, int] = field(default_factory=dict)

    def decide(self, slug: str, current: int, rate: float, bounds: PlanHosting) -> int:
        """The replica count to run now (pure apart from the per-site calm counter)."""
        wanted = wanted_replicas(rate, bounds, self.policy)
        if wanted > current:
            self._calm[slug] = 0
            return wanted
        if wanted < current:
            self._calm[slug] = self._calm.get(slug, 0) + 1
            if self._calm[slug] >= self.policy.calm_checks:
                self._calm[slug] = 0
                return max(wanted, current - 1)  # step down one replica at a time
            return current
        self._calm[slug] = 0
        return current

    async def check_once(self, on_scaled: Callable[[str, int], Awaitable[None]] | None = None) -> dict[str, int]:
        changes: dict[str, int] = {}
        for slug in await self.routes.slugs():
            route = await self.routes.get(slug)
            current = await self.hosting.deployer.replicas(slug)
            if route is None or current is None:
                continue
            bounds = self.hosting.plan_hosting(route.plan)
            target = self.decide(slug, current, await self.rates.request_rate(slug), bounds)
            if target != current:
                endpoints = await self.hosting.scale(slug, target)
                await self.routes.set_endpoints(slug, endpoints)
                changes[slug] = target
                if on_scaled is not None:
                    await on_scaled(slug, target)
        return changes
