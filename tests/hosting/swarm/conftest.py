"""The real Docker engine in Swarm mode and the registry on 127.0.0.1:5000 (scripts/services.sh starts them).

Site images are built on a base made ``FROM scratch`` with Debian's static
busybox, whose ``httpd`` serves the files: nothing is pulled.
"""

from __future__ import annotations

import contextlib
import io
import secrets
import shutil
import tarfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import docker
import pytest
from redis.asyncio import Redis

from core.ports import PublishTarget
from core.site.site import Site
from hosting.routes import RouteTable
from hosting.swarm.backend import PlanHosting, SwarmHosting
from hosting.swarm.build import ImageSettings
from hosting.swarm.deploy import ServiceSettings
from hosting.swarm.engine import DockerEngine
from tests.core.scripted import sample_site

REGISTRY = "127.0.0.1:5000"
BASE_IMAGE = f"{REGISTRY}/pagemagic-test-busybox:1"
REDIS_URL = "redis://127.0.0.1:6379/3"  # a database of its own: the route keys of these tests stay apart
BUSYBOX_DOCKERFILE = b"""FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
EXPOSE 8080
CMD ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]
"""


def _context() -> bytes:
    buffer = io.BytesIO()
    busybox = shutil.which("busybox") or "/bin/busybox"
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        info = tarfile.TarInfo("Dockerfile")
        info.size = len(BUSYBOX_DOCKERFILE)
        tar.addfile(info, io.BytesIO(BUSYBOX_DOCKERFILE))
        tar.add(busybox, arcname="busybox")
    return buffer.getvalue()


@pytest.fixture(scope="session")
def base_image() -> str:
    with docker_client() as client:
        try:
            client.ping()
        except Exception as exc:  # a missing engine fails the run, it never skips
            raise RuntimeError("the Docker engine is not running: run scripts/services.sh (make test does)") from exc
        client.images.build(fileobj=io.BytesIO(_context()), custom_context=True, tag=BASE_IMAGE, rm=True, pull=False)
        for line in client.api.push(BASE_IMAGE.rsplit(":", 1)[0], tag="1", stream=True, decode=True):
            assert "error" not in line, line
    return BASE_IMAGE


@contextlib.contextmanager
def docker_client() -> Iterator[docker.DockerClient]:
    client = docker.from_env()
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client: Redis = Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


def make_hosting(redis: Redis, base_image: str, **service: Any) -> SwarmHosting:
    settings = ServiceSettings(
        port=8080, health_interval=1.0, health_retries=2, drain_seconds=2.0, converge_timeout=90, poll_seconds=0.1
    )
    return SwarmHosting(
        engine=DockerEngine(),
        routes=RouteTable(redis),
        images=ImageSettings(REGISTRY, base_image, "/www", push_backoff=0.3),
        service=replace(settings, **service),
        base_domain="pagemagic.localhost",
        plan_hosting=lambda plan: PlanHosting(replicas_min=1, replicas_max=4, cpu=0.5, memory_mb=64),
    )


@pytest.fixture
async def hosting(redis: Redis, base_image: str) -> AsyncIterator[SwarmHosting]:
    made = make_hosting(redis, base_image)
    yield made
    made.engine.close()


@pytest.fixture
def slug() -> Iterator[str]:
    name = f"t{secrets.token_hex(4)}"
    yield name
    with docker_client() as client:
        for service in client.services.list(filters={"name": f"site-{name}"}):
            service.remove()


def site_named(heading: str) -> Site:
    site = sample_site()
    hero = site.sections[0].model_copy(update={"heading": heading})
    return site.model_copy(update={"sections": [hero, *site.sections[1:]]})


def target(slug: str, version: int, site_id: int = 1) -> PublishTarget:
    return PublishTarget(site_id=site_id, slug=slug, version=version, plan="pro")


async def no_progress(state: str, detail: str) -> None:
    return None
