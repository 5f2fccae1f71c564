"""``swarm`` hosting: build the site image, push it, roll the service, publish its routes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from core.images.files import site_image_files
from core.images.port import ImageStore
from core.ports import DomainMapping, ProgressReporter, PublishTarget, Release
from core.site.site import Site
from hosting.routes import Route, RouteTable
from hosting.swarm.build import ImageSettings, build_image, push_image
from hosting.swarm.deploy import ServiceSettings, SwarmDeployer
from hosting.swarm.engine import DockerEngine
from pipeline import RenderOptions, render_site


@dataclass(frozen=True)
class PlanHosting:
    """What a plan buys in hosting: replicas (min..max for the autoscaler) and limits per replica."""

    replicas_min: int = 1
    replicas_max: int = 1
    cpu: float = 0.25
    memory_mb: int = 64


class SwarmHosting:
    name = "swarm"

    def __init__(
        self,
        engine: DockerEngine,
        routes: RouteTable,
        images: ImageSettings,
        service: ServiceSettings,
        base_domain: str,
        scheme: str = "http",
        plan_hosting: Callable[[str], PlanHosting] = lambda plan: PlanHosting(),
        images_store: ImageStore | None = None,
    ) -> None:
        self.images_store = images_store  # the site's photos are baked into its image
        self.engine = engine
        self.routes = routes
        self.images = images
        self.service = service
        self.base_domain = base_domain
        self.scheme = scheme
        self.plan_hosting = plan_hosting
        self.deployer = SwarmDeployer(engine)

    def hostname(self, slug: str) -> str:
        return f"{slug}.{self.base_domain}"

    def site_url(self, slug: str) -> str:
        return f"{self.scheme}://{self.hostname(slug)}/"

    def service_settings(self, plan: str, replicas: int | None = None) -> ServiceSettings:
        hosting = self.plan_hosting(plan)
        wanted = replicas if replicas is not None else hosting.replicas_min
        wanted = max(hosting.replicas_min, min(hosting.replicas_max, wanted))
        return replace(self.service, replicas=wanted, cpu=hosting.cpu, memory_mb=hosting.memory_mb)

    async def publish(self, target: PublishTarget, site: Site, progress: ProgressReporter) -> Release:
        url = self.site_url(target.slug)
        files = render_site(site, RenderOptions(base_url=url)).files
        if self.images_store is not None:
            files = {**files, **await site_image_files(site, self.images_store)}
        await progress("building", "")
        reference = await build_image(self.engine, self.images, target.slug, target.site_id, target.version, files)
        await progress("pushing", "")
        pinned = await push_image(self.engine, self.images, reference)
        await progress("deploying", "")
        # Keep the current scale on republish: the autoscaler may have raised it.
        current = await self.deployer.replicas(target.slug)
        settings = self.service_settings(target.plan, current)

        async def follow(endpoints: tuple[str, ...]) -> None:
            await self.routes.set_endpoints(target.slug, endpoints)

        endpoints = await self.deployer.deploy(target, pinned, settings, follow)
        hosts = (self.hostname(target.slug), *target.domains)
        route = Route(target.slug, target.site_id, target.version, target.plan, hosts, endpoints, job=target.sequence)
        await self.routes.put_release(route)
        return Release(url=url, release_id=pinned)

    async def unpublish(self, slug: str) -> None:
        await self.routes.remove(slug)
        await self.deployer.remove(slug)

    async def forget(self, slug: str) -> None:
        """Account deletion: service and routes go (as on unpublish). Images already pushed to the registry
        stay until the registry's own clean-up (docs/privacy.md)."""
        await self.unpublish(slug)

    async def scale(self, slug: str, replicas: int) -> tuple[str, ...]:
        await self.deployer.scale(slug, replicas)
        return await self.deployer.healthy_endpoints(slug)

    async def map_domain(self, target: PublishTarget, domain: str) -> DomainMapping:
        route = await self.routes.get(target.slug)
        if route is not None and domain not in route.hosts:
            await self.routes.put(replace(route, hosts=(*route.hosts, domain)))
        return DomainMapping(
            status="active",
            server=self.hostname(target.slug),
            records=(("CNAME", domain, self.hostname(target.slug)),),
        )
