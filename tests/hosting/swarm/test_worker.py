"""The whole path on Swarm: chat -> Studio -> Redis (arq) -> ``pagemagic worker`` -> Swarm.

The worker is killed (SIGKILL) in the middle of a deploy and started again:
the publish still ends with one service running the right version.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from bots.wiring import runtime
from core.events import Event, Published, PublishProgress, Reply
from core.settings import Settings
from core.storage.records import ChatRef
from hosting.routes import RouteTable
from tests.hosting.swarm.conftest import REDIS_URL, docker_client

PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))


def swarm_env(home: Path, base_image: str) -> dict[str, str]:
    return {
        "PAGEMAGIC_HOME": str(home),
        "PAGEMAGIC_HOSTING": "swarm",
        "PAGEMAGIC_REDIS_URL": REDIS_URL,
        "PAGEMAGIC_SITE_BASE_IMAGE": base_image,
        "PAGEMAGIC_SITE_ROOT": "/www",
        "PAGEMAGIC_SITE_PORT": "8080",
        "PAGEMAGIC_SITE_DRAIN_SECONDS": "1",
        "PAGEMAGIC_JOB_LEASE_SECONDS": "3",
        "PAGEMAGIC_JOB_RECOVERY_SECONDS": "0.5",
        "PAGEMAGIC_PUBLISH_WAIT_SECONDS": "150",
        "PAGEMAGIC_PORT": "0",
    }


async def start_worker(env: dict[str, str]) -> asyncio.subprocess.Process:
    full = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")} | env
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "worker", env=full, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    assert process.stdout is not None
    async with asyncio.timeout(30):
        while b"worker ready" not in await process.stdout.readline():
            pass
    return process


@pytest.fixture
async def worker_env(tmp_path: Path, base_image: str) -> AsyncIterator[dict[str, str]]:
    env = swarm_env(tmp_path / "home", base_image)
    yield env


async def test_publish_survives_a_killed_worker(worker_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in worker_env.items():
        monkeypatch.setenv(key, value)
    name = f"Forno {secrets.token_hex(3)}"
    chat = ChatRef(platform="console", chat_id=name, user_id="swarm-test")
    worker = await start_worker(worker_env)
    slug = ""
    try:
        async with runtime(Settings()) as rt:
            events = [e async for e in rt.studio.message(chat, f'a bakery in Lisbon called "{name}"')]
            assert events, "no events"
            seen: list[Event] = []
            killed = asyncio.Event()

            async def publish() -> None:
                async for event in rt.studio.message(chat, "/publish"):
                    seen.append(event)
                    if isinstance(event, PublishProgress) and event.state == "deploying" and not killed.is_set():
                        worker.send_signal(signal.SIGKILL)  # mid-deploy
                        killed.set()

            task = asyncio.create_task(publish())
            await asyncio.wait_for(killed.wait(), 60)
            await worker.wait()
            worker = await start_worker(worker_env)
            await asyncio.wait_for(task, 150)
            published = seen[-1]
            assert isinstance(published, Published), [e.text for e in seen]
            slug = published.url.split("//", 1)[1].split(".", 1)[0]
            states = [e.state for e in seen if isinstance(e, PublishProgress)]
            assert states[0] == "queued" and "deploying" in states
            redis: Redis = Redis.from_url(REDIS_URL)
            try:
                route = await RouteTable(redis).resolve(f"{slug}.pagemagic.localhost")
                assert route is not None and route.version == 1 and route.endpoints
                async with httpx.AsyncClient(timeout=5) as client:
                    page = await client.get(f"http://{route.endpoints[0]}/")
                assert name in page.text
                with docker_client() as client:
                    services = client.services.list(filters={"name": f"site-{slug}"})
                    assert len(services) == 1  # never two services
                    assert services[0].attrs["Spec"]["Labels"]["pagemagic.version"] == "1"

                # /unpublish is a job too: the worker (which holds the Docker socket) removes the service
                answer = [e async for e in rt.studio.message(chat, "/unpublish")][-1]
                assert isinstance(answer, Reply) and answer.kind == "unpublished", answer
                assert await RouteTable(redis).get(slug) is None
                with docker_client() as client:
                    assert client.services.list(filters={"name": f"site-{slug}"}) == []
                slug = ""
            finally:
                await redis.aclose()
    finally:
        if worker.returncode is None:
            worker.send_signal(signal.SIGTERM)
            await asyncio.wait_for(worker.wait(), 30)
        if slug:  # the test failed before /unpublish: leave nothing behind
            with docker_client() as client:
                for service in client.services.list(filters={"name": f"site-{slug}"}):
                    service.remove()
