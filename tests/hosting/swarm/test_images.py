"""A site with photos published onto the real Swarm: the photo files are baked into its image and
served by the running service."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from core.images.local import LocalImageStore
from core.site.edits import AddImage, PlaceImage, apply_edits
from core.site.images import ImageAsset
from hosting.swarm.backend import SwarmHosting
from pipeline.images import ProcessedImage, process
from tests import photos
from tests.hosting.swarm.conftest import make_hosting, no_progress, site_named, target


@pytest.fixture
def photo() -> ProcessedImage:
    return process(photos.camera_jpeg((1200, 900), seed=51))


@pytest.fixture
async def hosting(redis: Redis, base_image: str, tmp_path: Path, photo: ProcessedImage) -> AsyncIterator[SwarmHosting]:
    store = LocalImageStore(tmp_path / "images")
    await store.put(photo.hash, photo.files)
    made = make_hosting(redis, base_image)
    made.images_store = store
    yield made
    made.engine.close()


async def test_a_published_site_serves_its_photo_variants_from_the_running_service(
    hosting: SwarmHosting, slug: str, photo: ProcessedImage
) -> None:
    asset = ImageAsset(hash=photo.hash, width=photo.width, height=photo.height, alt="Pão acabado de sair",
                       placeholder=list(photo.placeholder))  # fmt: skip
    site, _ = apply_edits(site_named("With photos"), [AddImage(image=asset), PlaceImage(hash=photo.hash, target="cover")])
    await hosting.publish(target(slug, 1), site, no_progress)
    route = await hosting.routes.resolve(f"{slug}.pagemagic.localhost")
    assert route is not None and route.endpoints
    name = f"img/{photo.hash[:16]}-960.avif"
    async with httpx.AsyncClient(timeout=10) as client:
        for endpoint in route.endpoints:  # every task of the service, on 127.0.0.1 through its host-mode port
            page = await client.get(f"http://{endpoint}/")
            assert page.status_code == 200 and f"{name} 960w" in page.text  # the page links it in its srcset
            served = await client.get(f"http://{endpoint}/{name}")
            assert served.status_code == 200 and served.content == photo.files["960.avif"]
            fallback = await client.get(f"http://{endpoint}/img/{photo.hash[:16]}-1200.jpg")
            assert fallback.status_code == 200 and fallback.content == photo.files["1200.jpg"]
            assert (await client.get(f"http://{endpoint}/img/{'0' * 16}-960.avif")).status_code == 404
