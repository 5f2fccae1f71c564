"""Autoscaling: decisions with hysteresis, and a real scale-up on Swarm driven by request rates."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from hosting.swarm.autoscale import Autoscaler, ScalePolicy, wanted_replicas
from hosting.swarm.backend import PlanHosting, SwarmHosting
from tests.hosting.swarm.conftest import no_progress, site_named, target

BOUNDS = PlanHosting(replicas_min=1, replicas_max=4)
POLICY = ScalePolicy(per_replica_rps=10, headroom=1.0, calm_checks=3)


@dataclass
class Rates:
    """Request rates per site, as the edge's counters would report them."""

    values: dict[str, float] = field(default_factory=dict)

    async def request_rate(self, slug: str) -> float:
        return self.values.get(slug, 0.0)


def test_wanted_replicas_stays_within_the_plan() -> None:
    assert wanted_replicas(0, BOUNDS, POLICY) == 1
    assert wanted_replicas(25, BOUNDS, POLICY) == 3
    assert wanted_replicas(10_000, BOUNDS, POLICY) == 4


def test_up_at_once_down_only_after_calm_checks_one_step_at_a_time() -> None:
    scaler = Autoscaler(hosting=None, routes=None, rates=Rates(), policy=POLICY)  # type: ignore[arg-type]
    assert scaler.decide("s", 1, 35, BOUNDS) == 4
    assert [scaler.decide("s", 4, 5, BOUNDS) for _ in range(3)] == [4, 4, 3]
    # A rate that hovers around the threshold does not flap.
    assert scaler.decide("s", 3, 5, BOUNDS) == 3
    assert scaler.decide("s", 3, 25, BOUNDS) == 3
    assert scaler.decide("s", 3, 5, BOUNDS) == 3


async def test_a_busy_site_is_scaled_up_on_swarm(hosting: SwarmHosting, slug: str) -> None:
    await hosting.publish(target(slug, 1), site_named("Busy"), no_progress)
    rates = Rates({slug: 25.0})
    scaler = Autoscaler(hosting, hosting.routes, rates, POLICY)
    changes = await scaler.check_once()
    assert changes[slug] == 3
    for _ in range(100):
        route = await hosting.routes.get(slug)
        if route is not None and len(route.endpoints) == 3:
            break
        await asyncio.sleep(0.2)
        endpoints = await hosting.deployer.healthy_endpoints(slug)
        await hosting.routes.set_endpoints(slug, endpoints)
    assert route is not None and len(route.endpoints) == 3
    await hosting.unpublish(slug)
