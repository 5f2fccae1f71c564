"""Publishing onto the real Swarm: routes, rolling updates without errors, rollback, scaling, faults."""

from __future__ import annotations

import asyncio
import random
import socket
import subprocess
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from core.errors import BackendUnavailable, PublishFailed, RolledBack
from hosting.routes import RouteTable
from hosting.swarm.backend import SwarmHosting
from hosting.swarm.build import ImageSettings, push_image
from hosting.swarm.engine import DockerEngine
from hosting.swarm.health import HealthMonitor
from tests.hosting.swarm.conftest import docker_client, make_hosting, no_progress, site_named, target


async def fetch_via_routes(routes: RouteTable, host: str, client: httpx.AsyncClient) -> httpx.Response:
    """What the edge does: resolve the host, pick an endpoint, try another when a connection fails."""
    last: Exception | None = None
    for _attempt in range(6):
        route = await routes.resolve(host)
        endpoints = list(route.endpoints) if route else []
        random.shuffle(endpoints)
        for endpoint in endpoints:
            try:
                return await client.get(f"http://{endpoint}/")
            except httpx.TransportError as exc:
                last = exc
        await asyncio.sleep(0.05)
    raise AssertionError(f"no endpoint answered for {host}: {last}")


async def test_publish_then_roll_a_new_version_with_no_failed_request(hosting: SwarmHosting, slug: str) -> None:
    release = await hosting.publish(target(slug, 1), site_named("Version one"), no_progress)
    assert release.url == f"http://{slug}.pagemagic.localhost/"
    assert "@sha256:" in release.release_id  # the service runs the exact pushed image
    route = await hosting.routes.resolve(f"{slug}.pagemagic.localhost")
    assert route is not None and route.version == 1 and route.endpoints
    for endpoint in route.endpoints:
        assert endpoint.startswith("127.0.0.1:")
        assert "Version one" in httpx.get(f"http://{endpoint}/").text

    results: list[str] = []
    stop = asyncio.Event()

    async def poll() -> None:
        async with httpx.AsyncClient(timeout=2) as client:
            while not stop.is_set():
                response = await fetch_via_routes(hosting.routes, f"{slug}.pagemagic.localhost", client)
                results.append("ok" if response.status_code == 200 else f"status {response.status_code}")
                await asyncio.sleep(0.02)

    poller = asyncio.create_task(poll())
    await hosting.publish(target(slug, 2), site_named("Version two"), no_progress)
    async with httpx.AsyncClient(timeout=2) as client:
        response = await fetch_via_routes(hosting.routes, f"{slug}.pagemagic.localhost", client)
    stop.set()
    await poller
    assert "Version two" in response.text
    assert len(results) > 20 and set(results) == {"ok"}, results[-5:]
    with docker_client() as client:
        services = client.services.list(filters={"name": f"site-{slug}"})
        assert len(services) == 1
        assert services[0].attrs["Spec"]["Labels"]["pagemagic.version"] == "2"


async def test_a_version_that_fails_its_health_check_is_rolled_back(
    hosting: SwarmHosting, redis: Redis, base_image: str, slug: str
) -> None:
    await hosting.publish(target(slug, 1), site_named("Healthy one"), no_progress)
    broken = make_hosting(redis, base_image, health_command=("wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/missing"))
    with pytest.raises(RolledBack) as caught:
        await broken.publish(target(slug, 2), site_named("Broken two"), no_progress)
    broken.engine.close()
    assert "healthy" in caught.value.detail
    route = await hosting.routes.get(slug)
    assert route is not None and route.version == 1
    for endpoint in route.endpoints:
        assert "Healthy one" in httpx.get(f"http://{endpoint}/").text


async def test_a_failed_build_reports_its_log_and_keeps_the_old_version(
    hosting: SwarmHosting, slug: str
) -> None:
    await hosting.publish(target(slug, 1), site_named("Still here"), no_progress)
    bad = SwarmHosting(
        hosting.engine, hosting.routes, replace(hosting.images, base_image="127.0.0.1:5000/no-such-base:nope"),
        hosting.service, hosting.base_domain, plan_hosting=hosting.plan_hosting,
    )
    with pytest.raises(PublishFailed) as caught:
        await bad.publish(target(slug, 2), site_named("Never"), no_progress)
    bad.engine.close()
    assert "build failed" in caught.value.detail and "no-such-base" in caught.value.detail
    route = await hosting.routes.get(slug)
    assert route is not None and "Still here" in httpx.get(f"http://{route.endpoints[0]}/").text


async def test_scale_up_and_unpublish(hosting: SwarmHosting, slug: str) -> None:
    await hosting.publish(target(slug, 1), site_named("Scaled"), no_progress)
    monitor = HealthMonitor(hosting.deployer, hosting.routes)
    # On a loaded machine Swarm may replace a task whose health check timed out (a new port): read
    # the endpoints and the monitor's view again until both see the same three tasks.
    for _ in range(100):
        endpoints = await hosting.scale(slug, 3)
        if len(endpoints) == 3:
            found = await monitor.check_once()
            if found.get(slug) == endpoints:
                break
        await asyncio.sleep(0.2)
    assert len(endpoints) == 3 and len(set(endpoints)) == 3
    assert found[slug] == endpoints
    await hosting.unpublish(slug)
    assert await hosting.routes.get(slug) is None
    assert await hosting.routes.resolve(f"{slug}.pagemagic.localhost") is None
    with docker_client() as client:
        assert not client.services.list(filters={"name": f"site-{slug}"})


async def test_unreachable_engine_is_reported_as_retryable(redis: Redis, base_image: str, slug: str) -> None:
    hosting = make_hosting(redis, base_image)
    hosting.engine = DockerEngine("unix:///tmp/no-docker-here.sock")
    with pytest.raises(BackendUnavailable):
        await hosting.publish(target(slug, 1), site_named("Nope"), no_progress)
    hosting.engine.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_push_is_retried_until_the_registry_answers(base_image: str, tmp_path: Path) -> None:
    port = _free_port()
    reference = f"127.0.0.1:{port}/pagemagic-retry:1"
    with docker_client() as client:
        client.images.get(base_image).tag(reference)
    config = tmp_path / "registry.yml"
    config.write_text(
        f"version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {tmp_path / 'data'}\n"
        f"http:\n  addr: 127.0.0.1:{port}\n"
    )
    engine = DockerEngine()
    images = ImageSettings(f"127.0.0.1:{port}", base_image, "/www", push_attempts=6, push_backoff=0.4)
    with pytest.raises(BackendUnavailable):
        await push_image(engine, replace(images, push_attempts=1), reference)

    async def start_registry_late() -> subprocess.Popen[bytes]:
        await asyncio.sleep(0.6)
        return subprocess.Popen(["docker-registry", "serve", str(config)])

    starter = asyncio.create_task(start_registry_late())
    try:
        pinned = await push_image(engine, images, reference)
    finally:
        registry = await starter
        registry.terminate()
        registry.wait(10)
    engine.close()
    assert pinned.startswith(f"127.0.0.1:{port}/pagemagic-retry@sha256:")
