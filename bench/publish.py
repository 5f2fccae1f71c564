"""Publish on Swarm: time from publish to the first response from the new version, and failed requests.

Runs against the local Docker engine in Swarm mode and the registry on
127.0.0.1:5000 (``make test`` starts both). Five publishes of successive
versions of one site; a client keeps requesting the site through the route
table the whole time, as the edge would (it retries another endpoint when a
connection fails). Prints the median and worst time-to-new-version and the
count of failed requests.

    .venv/bin/python bench/publish.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import secrets
import shutil
import statistics
import sys
import tarfile
import time
from pathlib import Path

import docker
import httpx
from redis.asyncio import Redis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.ports import PublishTarget
from core.site.schema import parse_site
from hosting.routes import RouteTable
from hosting.swarm.backend import PlanHosting, SwarmHosting
from hosting.swarm.build import ImageSettings
from hosting.swarm.deploy import ServiceSettings
from hosting.swarm.engine import DockerEngine

BASE = "127.0.0.1:5000/pagemagic-bench-busybox:1"
SAMPLE = Path(__file__).parent / "samples"


def build_base() -> None:
    dockerfile = (
        b'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n'
        b'CMD ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]\n'
    )
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        info = tarfile.TarInfo("Dockerfile")
        info.size = len(dockerfile)
        tar.addfile(info, io.BytesIO(dockerfile))
        tar.add(shutil.which("busybox") or "/bin/busybox", arcname="busybox")
    client = docker.from_env()
    client.images.build(fileobj=io.BytesIO(buffer.getvalue()), custom_context=True, tag=BASE, rm=True)
    for line in client.api.push(BASE.rsplit(":", 1)[0], tag="1", stream=True, decode=True):
        if "error" in line:
            raise SystemExit(f"push failed: {line['error']}")
    client.close()


async def main(runs: int) -> int:
    build_base()
    sample = parse_site(__import__("json").loads(next(iter(sorted(SAMPLE.glob("*.json")))).read_text()))
    redis: Redis = Redis.from_url("redis://127.0.0.1:6379/4")
    routes = RouteTable(redis)
    hosting = SwarmHosting(
        DockerEngine(), routes, ImageSettings("127.0.0.1:5000", BASE, "/www"),
        ServiceSettings(port=8080, health_interval=1.0, health_retries=2, drain_seconds=2.0, poll_seconds=0.1),
        "pagemagic.localhost", plan_hosting=lambda plan: PlanHosting(1, 2, 0.5, 64),
    )
    slug = f"bench-{secrets.token_hex(3)}"
    host = f"{slug}.pagemagic.localhost"

    async def progress(state: str, detail: str) -> None:
        return None

    def version_site(n: int):  # type: ignore[no-untyped-def]
        hero = sample.sections[0].model_copy(update={"heading": f"Release number {n}"})
        return sample.model_copy(update={"sections": [hero, *sample.sections[1:]]})

    await hosting.publish(PublishTarget(1, slug, 1, "pro"), version_site(1), progress)
    failures = 0
    requests = 0
    stop = asyncio.Event()
    seen_at: dict[int, float] = {}

    async def poll() -> None:
        nonlocal failures, requests
        async with httpx.AsyncClient(timeout=2) as client:
            while not stop.is_set():
                ok = False
                for _attempt in range(6):
                    route = await routes.resolve(host)
                    endpoints = list(route.endpoints) if route else []
                    random.shuffle(endpoints)
                    for endpoint in endpoints:
                        try:
                            response = await client.get(f"http://{endpoint}/")
                        except httpx.TransportError:
                            continue
                        ok = response.status_code == 200
                        for n in range(2, runs + 2):
                            if n not in seen_at and f"Release number {n}<" in response.text:
                                seen_at[n] = time.perf_counter()
                        break
                    if ok:
                        break
                    await asyncio.sleep(0.05)
                requests += 1
                failures += 0 if ok else 1
                await asyncio.sleep(0.01)

    poller = asyncio.create_task(poll())
    times: list[float] = []
    for n in range(2, runs + 2):
        started = time.perf_counter()
        await hosting.publish(PublishTarget(1, slug, n, "pro"), version_site(n), progress)
        while n not in seen_at:
            await asyncio.sleep(0.01)
        times.append(seen_at[n] - started)
    stop.set()
    await poller
    await hosting.unpublish(slug)
    hosting.engine.close()
    await redis.aclose()
    print(f"publishes: {runs}  median to new version: {statistics.median(times):.2f} s  worst: {max(times):.2f} s")
    print(f"requests during the rolling updates: {requests}  failed: {failures}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    raise SystemExit(asyncio.run(main(parser.parse_args().runs)))
