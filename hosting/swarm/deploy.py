"""Swarm services: create or roll one service per site, wait for it, read its endpoints.

Each task publishes its port in host mode (the routing mesh is not used); the
endpoints of healthy tasks go to the route table, which the edge balances
across. Updates are start-first with automatic rollback; a draining task
keeps serving for a grace period after Swarm decides to stop it (its stop
signal is one the server ignores, then it is killed), so the route table can
move to the new task first and no request fails during a rolling update.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from docker.types import (
    EndpointSpec,
    Healthcheck,
    Resources,
    RestartPolicy,
    RollbackConfig,
    ServiceMode,
    UpdateConfig,
)

from core.errors import PublishFailed, RolledBack, Superseded
from core.ports import PublishTarget
from hosting.swarm.engine import DockerEngine, NotFound

NS = 1_000_000_000
EndpointsChanged = Callable[[tuple[str, ...]], Awaitable[None]]


@dataclass(frozen=True)
class ServiceSettings:
    port: int = 80
    health_path: str = "/"
    replicas: int = 1
    cpu: float = 0.25
    memory_mb: int = 64
    health_interval: float = 2.0
    health_retries: int = 2
    health_command: tuple[str, ...] | None = None  # default: wget the health path on the port
    stop_signal: str = "SIGWINCH"  # ignored by nginx and busybox httpd in the foreground: a drain window
    drain_seconds: float = 3.0
    converge_timeout: float = 120.0
    poll_seconds: float = 0.2

    def health_test(self) -> list[str]:
        if self.health_command:
            return ["CMD", *self.health_command]
        return ["CMD", "wget", "-q", "-O", "/dev/null", f"http://127.0.0.1:{self.port}{self.health_path}"]


def service_name(slug: str) -> str:
    return f"site-{slug}"


def service_spec(target: PublishTarget, image: str, settings: ServiceSettings) -> dict[str, Any]:
    interval = int(settings.health_interval * NS)
    monitor = int((settings.health_interval * (settings.health_retries + 2) + 2) * NS)
    labels = {
        "pagemagic.site": str(target.site_id),
        "pagemagic.slug": target.slug,
        "pagemagic.version": str(target.version),
        "pagemagic.job": str(target.sequence),  # the fencing token: see SwarmDeployer.deploy
    }
    return {
        "image": image,
        "name": service_name(target.slug),
        "labels": labels,
        "container_labels": labels,
        "mode": ServiceMode("replicated", replicas=settings.replicas),
        "endpoint_spec": EndpointSpec(ports=[{"Protocol": "tcp", "TargetPort": settings.port, "PublishMode": "host"}]),
        "update_config": UpdateConfig(
            parallelism=1, delay=0, failure_action="rollback", monitor=monitor, max_failure_ratio=0, order="start-first"
        ),
        "rollback_config": RollbackConfig(parallelism=1, delay=0, failure_action="pause", monitor=monitor, order="start-first"),
        "restart_policy": RestartPolicy(condition="on-failure", delay=NS, max_attempts=3),
        "resources": Resources(cpu_limit=int(settings.cpu * NS), mem_limit=settings.memory_mb * 1024 * 1024),
        "healthcheck": Healthcheck(
            test=settings.health_test(), interval=interval, timeout=interval, retries=settings.health_retries,
            start_period=interval,
        ),
        "stop_signal": settings.stop_signal,
        "stop_grace_period": int(settings.drain_seconds * NS),
    }


@dataclass(frozen=True)
class TaskView:
    image: str
    state: str
    desired: str
    endpoint: str | None
    error: str


class SwarmDeployer:
    def __init__(self, engine: DockerEngine, probe_timeout: float = 1.0) -> None:
        self.engine = engine
        self.probe_timeout = probe_timeout
        self._nodes: dict[str, str] = {}

    async def tasks(self, slug: str) -> list[TaskView]:
        name = service_name(slug)

        def read(client: Any) -> list[dict[str, Any]]:
            try:
                return list(client.services.get(name).tasks())
            except NotFound:
                return []

        views: list[TaskView] = []
        for task in await self.engine.call(read):
            status = task.get("Status", {})
            endpoint = None
            ports = (status.get("PortStatus") or {}).get("Ports") or []
            if ports and task.get("NodeID"):
                address = await self.engine.node_address(task["NodeID"], self._nodes)
                endpoint = f"{address}:{ports[0]['PublishedPort']}"
            views.append(
                TaskView(
                    image=task.get("Spec", {}).get("ContainerSpec", {}).get("Image", ""),
                    state=status.get("State", ""),
                    desired=task.get("DesiredState", ""),
                    endpoint=endpoint,
                    error=status.get("Err") or "",
                )
            )
        return views

    async def healthy_endpoints(self, slug: str, image: str | None = None) -> tuple[str, ...]:
        running = [
            t.endpoint
            for t in await self.tasks(slug)
            if t.state == "running" and t.desired == "running" and t.endpoint and (image is None or t.image == image)
        ]
        return await self.probe([e for e in running if e])

    async def probe(self, endpoints: list[str], path: str = "/") -> tuple[str, ...]:
        async def ok(client: httpx.AsyncClient, endpoint: str) -> bool:
            try:
                response = await client.get(f"http://{endpoint}{path}")
            except httpx.HTTPError:
                return False
            return response.status_code < 500

        async with httpx.AsyncClient(timeout=self.probe_timeout) as client:
            results = await asyncio.gather(*(ok(client, e) for e in endpoints))
        return tuple(sorted(e for e, good in zip(endpoints, results, strict=True) if good))

    async def deploy(
        self, target: PublishTarget, image: str, settings: ServiceSettings, on_endpoints: EndpointsChanged
    ) -> tuple[str, ...]:
        """Create or update the site's service and wait until it converges; returns healthy endpoints.

        Fenced by the job id: a service last rolled by a later job is never
        rolled back to this older one (``Superseded``). The update carries the
        service's version index, so Swarm refuses it if the service changed
        since it was read: the check and the update are one step.
        """
        spec = service_spec(target, image, settings)
        name = spec["name"]

        def apply(client: Any) -> bool:
            try:
                service = client.services.get(name)
            except NotFound:
                client.services.create(**spec)
                return True
            owner = _job_of(service.attrs)
            if target.sequence and owner > target.sequence:
                raise Superseded(f"the service was rolled by a later job ({owner})")
            current = service.attrs["Spec"]["TaskTemplate"]["ContainerSpec"].get("Image")
            replicas = service.attrs["Spec"].get("Mode", {}).get("Replicated", {}).get("Replicas")
            if current != image or replicas != settings.replicas:
                service.update(**spec)
            return False

        created = await self.engine.call(apply)
        return await self._converge(target, image, settings, created, on_endpoints)

    async def _update_state(self, slug: str) -> tuple[str, int]:
        """The service's update state and the job that rolled it last."""

        def read(client: Any) -> tuple[str, int]:
            attrs = client.services.get(service_name(slug)).attrs
            return str((attrs.get("UpdateStatus") or {}).get("State") or ""), _job_of(attrs)

        return await self.engine.call(read)

    async def _converge(
        self, target: PublishTarget, image: str, settings: ServiceSettings, created: bool, on_endpoints: EndpointsChanged
    ) -> tuple[str, ...]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + settings.converge_timeout
        last: tuple[str, ...] | None = None
        while True:
            tasks = await self.tasks(target.slug)
            live = [t.endpoint for t in tasks if t.state == "running" and t.desired == "running" and t.endpoint]
            healthy = await self.probe([e for e in live if e], settings.health_path)
            state, owner = await self._update_state(target.slug)
            if target.sequence and owner > target.sequence:
                # A later job rolled the service while we waited: it and its routes are theirs (never remove it).
                raise Superseded(f"the service was rolled by a later job ({owner})")
            if healthy != last and healthy:
                await on_endpoints(healthy)  # the route table follows the rollout step by step
                last = healthy
            errors = [t.error for t in tasks if t.image == image and t.state in ("failed", "rejected") and t.error]
            if state == "rollback_completed":
                raise RolledBack(_explain(errors, "the new version did not become healthy"))
            if state in ("paused", "rollback_paused"):
                raise PublishFailed(_explain(errors, f"the update stopped ({state})"))
            ours = [t for t in tasks if t.image == image and t.state == "running" and t.desired == "running"]
            others = [t for t in tasks if t.image != image and t.state == "running"]
            mine = tuple(sorted(t.endpoint for t in ours if t.endpoint and t.endpoint in healthy))
            if state in ("", "completed") and len(mine) >= settings.replicas and not others:
                if mine != last:
                    await on_endpoints(mine)
                return mine
            if created and len(errors) >= 3:
                await self.remove(target.slug)
                raise PublishFailed(_explain(errors, "the site's container keeps failing"))
            if loop.time() >= deadline:
                if created:
                    await self.remove(target.slug)
                raise PublishFailed(_explain(errors, f"the deploy did not finish in {settings.converge_timeout:.0f} s"))
            await asyncio.sleep(settings.poll_seconds)

    async def remove(self, slug: str) -> None:
        def rm(client: Any) -> None:
            try:
                client.services.get(service_name(slug)).remove()
            except NotFound:
                return

        await self.engine.call(rm)

    async def scale(self, slug: str, replicas: int) -> None:
        await self.engine.call(lambda client: client.services.get(service_name(slug)).scale(replicas))

    async def replicas(self, slug: str) -> int | None:
        def read(client: Any) -> int | None:
            try:
                attrs = client.services.get(service_name(slug)).attrs
            except NotFound:
                return None
            return int(attrs["Spec"].get("Mode", {}).get("Replicated", {}).get("Replicas", 0))

        return await self.engine.call(read)


def _job_of(attrs: dict[str, Any]) -> int:
    """The job id a service was last rolled by (0 for services made before jobs were fenced)."""
    try:
        return int((attrs.get("Spec", {}).get("Labels") or {}).get("pagemagic.job", "0"))
    except ValueError:
        return 0


def _explain(errors: list[str], fallback: str) -> str:
    unique = list(dict.fromkeys(errors))
    return f"{fallback}: {'; '.join(unique[-3:])}" if unique else fallback
