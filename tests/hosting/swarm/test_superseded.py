"""Issue 14, item 1 on Swarm: a publish retried after ``BackendUnavailable`` never rolls an older version back.

Job A (version 2) meets an unreachable engine and is put back to retry later;
job B (version 3) goes live on the real Swarm. When A's retry time comes (an
injected clock, no waiting) A is dropped as superseded before anything is
built. Even a worker that lost its lease and calls the backend anyway (the
fence) cannot roll the service or the route table back to version 2: the
service, the route table, the deployments table (what /history shows) all
say version 3.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from billing.usage import StoreUsageMeter
from core.errors import Superseded
from core.ports import PublishTarget
from core.storage.database import create_engine, migrate
from core.storage.jobs import JobStore
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from hosting.jobs import JobRunner
from hosting.swarm.backend import SwarmHosting
from hosting.swarm.engine import DockerEngine
from tests.hosting.swarm.conftest import docker_client, make_hosting, no_progress, site_named


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


async def test_a_retried_publish_of_an_older_version_is_superseded_on_swarm(
    hosting: SwarmHosting, redis: Redis, base_image: str, slug: str, tmp_path: Path
) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'pm.db'}")
    await migrate(engine, lock_dir=tmp_path)
    store = Store(engine)
    down = make_hosting(redis, base_image)
    down.engine = DockerEngine("unix:///tmp/no-docker-here.sock")
    try:
        conv = await store.conversation(ChatRef(platform="console", chat_id=slug, user_id="u"))
        record = await store.create_site(
            conv.id, conv.user_id, site_named("Version one").model_copy(update={"name": slug}), "x",
            new_preview_token(), timedelta(hours=1),
        )
        assert record.slug == slug
        for number in (2, 3):
            site = site_named(f"Version {number}").model_copy(update={"name": slug})
            await store.add_version(record.id, site, f"v{number}", number - 1, timedelta(hours=1))
        clock = Clock()
        jobs = JobStore(store, clock)
        meter = StoreUsageMeter(store)
        old, _ = await jobs.submit("publish", record.id, 2)
        unreachable = JobRunner(store, down, meter, owner="a", clock=clock, retry_base_seconds=30)
        assert await unreachable.run(old.id) == "queued"  # BackendUnavailable: to be retried in 30 s

        worker = JobRunner(store, hosting, meter, owner="b", clock=clock)
        new, _ = await jobs.submit("publish", record.id, 3)
        assert await worker.run(new.id) == "live"

        # A worker that lost its lease and reaches the backend anyway is stopped by the fence.
        stale = PublishTarget(record.id, slug, 2, "pro", sequence=old.id)
        with pytest.raises(Superseded):
            await hosting.publish(stale, site_named("Version 2"), no_progress)

        clock.now += timedelta(seconds=31)  # A's retry time comes
        await worker.recover_once()
        dropped = await jobs.get(old.id)
        assert dropped is not None and dropped.state == "superseded" and f"job {new.id} (v3" in dropped.detail

        route = await hosting.routes.get(slug)
        assert route is not None and route.version == 3 and route.job == new.id and route.endpoints
        async with httpx.AsyncClient(timeout=5) as client:
            for endpoint in route.endpoints:
                assert "Version 3" in (await client.get(f"http://{endpoint}/")).text
        with docker_client() as client:
            [service] = client.services.list(filters={"name": f"site-{slug}"})
            labels = service.attrs["Spec"]["Labels"]
            assert labels["pagemagic.version"] == "3" and labels["pagemagic.job"] == str(new.id)
        online = await store.online_deployment(record.id)
        assert online is not None and online.version == 3
    finally:
        await hosting.routes.remove(slug)
        down.engine.close()
        await store.close()
