"""Photos and a logo through Studio: placed, described, undone, previewed, published, refused."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator
from functools import cache

import httpx
import pytest

from billing.plans import DEFAULT_PLANS_FILE, catalog, use_plans
from bots.wiring import Runtime, runtime
from core.events import Event, Failed, PreviewReady, Reply
from core.images.upload import from_bytes
from core.settings import Settings
from core.storage.records import ChatRef
from tests import photos

ANA = ChatRef(platform="console", chat_id="ana-photos", user_id="ana", language="en")
BAKERY = "A bakery in Lisbon with a menu, a team and contact"


@cache
def shot(seed: int) -> bytes:
    return photos.camera_jpeg((1200, 900), seed=seed)


@pytest.fixture
async def rt(database_url: str, settings_for: Callable[..., Settings]) -> AsyncIterator[Runtime]:
    async with runtime(settings_for(database_url)) as started:
        yield started


async def say(rt: Runtime, text: str) -> list[Event]:
    return [event async for event in rt.studio.message(ANA, text)]


async def send(rt: Runtime, *files: bytes, caption: str = "") -> Event:
    uploads = [from_bytes(f"photo{n}.jpg", data) for n, data in enumerate(files)]
    events = [event async for event in rt.studio.add_images(ANA, uploads, caption)]
    assert events
    return events[-1]


async def current_site(rt: Runtime):  # type: ignore[no-untyped-def]
    conversation = await rt.store.conversation(ANA)
    assert conversation.site_id is not None
    record = await rt.store.site(conversation.site_id)
    return (await rt.store.version(record.id, record.current_version)).site


async def test_a_photo_goes_to_the_gallery_then_the_cover_then_gets_described(rt: Runtime) -> None:
    await say(rt, BAKERY)
    added = await send(rt, shot(1))
    assert isinstance(added, PreviewReady) and added.version == 2
    assert "Added to the gallery" in added.text and "use it as the cover" in added.text
    assert "What does it show?" in added.text  # asked once
    site = await current_site(rt)
    gallery = next(s for s in site.sections if s.kind == "gallery")
    assert [e.image for e in gallery.images] == [site.images[0].hash]  # it replaced the illustrations
    assert site.images[0].alt.startswith("Photo from") and not site.images[0].alt_given

    moved = [e for e in await say(rt, "use it as the cover")][-1]
    assert isinstance(moved, PreviewReady) and moved.version == 3
    site = await current_site(rt)
    assert site.sections[0].kind == "hero" and site.sections[0].image == site.images[0].hash  # type: ignore[union-attr]

    described = (await say(rt, "the photo shows our sourdough loaves"))[-1]
    assert isinstance(described, PreviewReady)
    site = await current_site(rt)
    assert site.images[0].alt == "our sourdough loaves" and site.images[0].alt_given

    undone = (await say(rt, "/undo"))[-1]
    assert isinstance(undone, PreviewReady) and undone.version == 3
    history = (await say(rt, "/history"))[-1]
    assert "📷" in history.text


async def test_a_caption_places_and_describes_and_the_preview_serves_the_variants(rt: Runtime) -> None:
    await say(rt, BAKERY)
    cover = await send(rt, shot(2), caption="use it as the cover")
    assert isinstance(cover, PreviewReady) and "cover photo" in cover.text
    described = await send(rt, shot(3), caption="our wood oven at dawn")
    assert isinstance(described, PreviewReady) and "What does it show?" not in described.text
    site = await current_site(rt)
    assert site.image(site.images[1].hash).alt == "our wood oven at dawn"  # type: ignore[union-attr]
    async with httpx.AsyncClient(timeout=10) as client:
        page = await client.get(cover.url)
        assert 'fetchpriority="high"' in page.text and "<picture>" in page.text
        names = set(re.findall(r"img/[0-9a-f]{16}-\d+\.(?:avif|webp|jpg)", page.text))
        assert len(names) == 18  # 2 photos x 3 widths (480, 960, 1200) x 3 formats
        for name in names:
            answer = await client.get(cover.url + name)
            assert answer.status_code == 200 and answer.headers["content-type"].startswith("image/")
        assert (await client.get(cover.url + "img/0123456789abcdef-480.avif")).status_code == 404


async def test_a_logo_recolours_the_site_and_makes_app_icons_and_publishes_with_the_photos(rt: Runtime) -> None:
    await say(rt, BAKERY)
    before = (await current_site(rt)).theme
    logo = await send(rt, photos.logo_png(), caption="make it the logo")
    assert isinstance(logo, PreviewReady) and "logo" in logo.text and "colours now follow it" in logo.text
    site = await current_site(rt)
    assert site.logo is not None and site.theme != before
    await send(rt, shot(4))
    published = [e async for e in rt.studio.message(ANA, "/publish")][-1]
    url = published.url  # type: ignore[union-attr]
    async with httpx.AsyncClient(timeout=10) as client:
        page = (await client.get(url)).text
        assert 'rel="apple-touch-icon"' in page
        manifest = (await client.get(url + "manifest.webmanifest")).json()
        icon = await client.get(url + manifest["icons"][1]["src"])
        assert icon.status_code == 200 and icon.headers["content-type"] == "image/png"
        photo = re.search(r"img/[0-9a-f]{16}-1200\.avif", page)
        assert photo is not None
        served = await client.get(url + photo.group(0))
        assert served.status_code == 200 and "immutable" in served.headers["cache-control"]


async def test_bad_files_are_refused_and_lose_nothing(rt: Runtime) -> None:
    await say(rt, BAKERY)
    site = await current_site(rt)
    for data, words in (
        (photos.SVG_WITH_SCRIPT, "SVG files can carry code"),
        (photos.PDF_AS_JPG, "That's a PDF"),
        (photos.gif_animation(), "Animated images"),
        (photos.png_bomb(), "far too large in pixels"),
        (photos.truncated_jpeg(), "damaged or incomplete"),
        (photos.oversized(), "too big (62.9 MB)"),
    ):
        refused = await send(rt, data)
        assert isinstance(refused, Failed) and words in refused.text, refused.text
    assert await current_site(rt) == site
    mixed = await send(rt, shot(5), photos.PDF_AS_JPG, photos.oversized())
    assert isinstance(mixed, PreviewReady) and "Not used: photo1.jpg" in mixed.text
    assert "photo2.jpg (That file is too big (62.9 MB)" in mixed.text, mixed.text


async def test_twenty_photos_at_once_fill_the_gallery_and_keep_the_rest(rt: Runtime) -> None:
    await say(rt, BAKERY)
    many = [photos.camera_jpeg((640, 480), seed=s) for s in range(20)]
    done = await send(rt, *many)
    assert isinstance(done, PreviewReady) and "8 more kept" in done.text
    site = await current_site(rt)
    assert len(site.images) == 20
    assert len(next(s for s in site.sections if s.kind == "gallery").images) == 12


async def test_photos_sent_before_the_site_exists_are_kept_and_used(rt: Runtime) -> None:
    kept = await send(rt, shot(6))
    assert isinstance(kept, Reply) and "kept 1 photo" in kept.text
    await say(rt, BAKERY)
    site = await current_site(rt)
    assert site.sections[0].image == site.images[0].hash  # type: ignore[union-attr]


@pytest.fixture
def plans_restored() -> Iterator[None]:
    """A plans file given in settings becomes the process's plans: put the previous ones back after."""
    previous = catalog()
    yield
    use_plans(previous)


@pytest.mark.usefixtures("plans_restored")
async def test_storage_over_the_plan_is_refused_clearly(database_url: str, settings_for: Callable[..., Settings], tmp_path) -> None:  # type: ignore[no-untyped-def]
    plans = tmp_path / "plans.toml"
    plans.write_text(DEFAULT_PLANS_FILE.read_text().replace("storage = 200_000_000", "storage = 100_000", 1))
    async with runtime(settings_for(database_url, billing_plans_file=plans)) as rt:
        await say(rt, BAKERY)
        refused = await send(rt, shot(7))
        assert isinstance(refused, Failed) and "image storage is full" in refused.text and "/upgrade" in refused.text


async def test_a_photo_placed_on_a_person_or_a_dish_is_confirmed_by_its_name(rt: Runtime) -> None:
    await say(rt, BAKERY)
    member = await send(rt, shot(8), caption="put it next to Olivia")
    assert isinstance(member, PreviewReady) and "It now shows with “Olivia Bennett”." in member.text, member.text
    site = await current_site(rt)
    team = next(s for s in site.sections if s.kind == "team")
    assert team.members[0].photo == site.images[-1].hash  # type: ignore[union-attr]
    dish = await send(rt, shot(9), caption="put it with the custard tart")
    assert isinstance(dish, PreviewReady) and "“Custard tart”" in dish.text, dish.text
    assert "team_member" not in member.text and "menu_item" not in dish.text


async def test_remove_the_logo_takes_it_off_the_header_and_keeps_the_photo(rt: Runtime) -> None:
    await say(rt, BAKERY)
    await send(rt, photos.logo_png(), caption="make it the logo")
    assert (await current_site(rt)).logo is not None
    removed = (await say(rt, "remove the logo"))[-1]
    assert isinstance(removed, PreviewReady), removed
    site = await current_site(rt)
    assert site.logo is None and len(site.images) == 1  # off the page, still in the library (undo)
    for text in ("tira o logótipo", "quita el logo"):
        await say(rt, "/undo")
        assert (await current_site(rt)).logo is not None
        assert isinstance((await say(rt, text))[-1], PreviewReady), text
        assert (await current_site(rt)).logo is None, text
