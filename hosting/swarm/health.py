"""Keeps the route table to healthy endpoints only, whatever happens to tasks between deploys."""

from __future__ import annotations

import logging

from hosting.routes import RouteTable
from hosting.swarm.deploy import SwarmDeployer

log = logging.getLogger("pagemagic.health")


class HealthMonitor:
    def __init__(self, deployer: SwarmDeployer, routes: RouteTable, health_path: str = "/") -> None:
        self.deployer = deployer
        self.routes = routes
        self.health_path = health_path

    async def check_once(self) -> dict[str, tuple[str, ...]]:
        """Probe every routed site's running tasks and rewrite its endpoints; returns what it set."""
        found: dict[str, tuple[str, ...]] = {}
        for slug in await self.routes.slugs():
            tasks = await self.deployer.tasks(slug)
            running = [t.endpoint for t in tasks if t.state == "running" and t.desired == "running" and t.endpoint]
            healthy = await self.deployer.probe([e for e in running if e], self.health_path)
            await self.routes.set_endpoints(slug, healthy)
            found[slug] = healthy
        return found
