"""Photos with the OpenAI-compatible generator: the model is told which photo was just sent, and the
image edit it answers is applied (the real SDK talks to the local stand-in)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable

import pytest

from bots.wiring import Runtime, runtime
from core.events import Event, PreviewReady
from core.images.upload import from_bytes
from core.settings import Settings
from core.site.site import Site
from tests import photos
from tests.core.llm.openai.documents import refinement_text, site_data, site_text
from tests.core.llm.test_openai_studio import ANA, KINDS, PADARIA, llm_settings
from tests.standins.openai_server import OpenAIStandIn, Recorded, Reply, Stream

JUST_SENT = re.compile(r'just sent (\d+) photo\(s\), already in "images": ([0-9a-f]{64}(?:, [0-9a-f]{64})*)\.')


@pytest.fixture
async def llm() -> AsyncIterator[OpenAIStandIn]:
    async with OpenAIStandIn() as server:
        yield server


@pytest.fixture
async def rt(llm: OpenAIStandIn, settings_for: Callable[..., Settings]) -> AsyncIterator[Runtime]:
    async with runtime(llm_settings(llm, settings_for)) as started:
        yield started


async def send(rt: Runtime, data: bytes, caption: str = "") -> Event:
    events = [event async for event in rt.studio.add_images(ANA, [from_bytes("IMG_0001.jpg", data)], caption)]
    return events[-1]


async def current(rt: Runtime) -> Site:
    conversation = await rt.store.conversation(ANA)
    assert conversation.site_id is not None
    record = await rt.store.site(conversation.site_id)
    return (await rt.store.version(record.id, record.current_version)).site


def just_sent(recorded: Recorded) -> list[str]:
    found = JUST_SENT.search(recorded.prompt_text)
    assert found is not None, "the prompt does not say which photo was just sent"
    return found[2].split(", ")


async def test_the_model_places_the_photo_its_caption_and_the_next_message_talk_about(
    llm: OpenAIStandIn, rt: Runtime
) -> None:
    llm.script(Stream(site_text(site_data(KINDS))))
    created = [e async for e in rt.studio.message(ANA, PADARIA)]
    assert isinstance(created[-1], PreviewReady)
    asked: list[Recorded] = []

    def cover(recorded: Recorded) -> Reply:
        """The caption "põe-na como capa": the model places the photo the prompt says was just sent."""
        asked.append(recorded)
        (photo,) = just_sent(recorded)
        return Stream(refinement_text("Pus a foto na capa.", [{"op": "place_image", "hash": photo, "target": "cover"}]))

    llm.responder = cover
    placed = await send(rt, photos.camera_jpeg((1200, 900), seed=31), caption="põe-na como capa")
    assert isinstance(placed, PreviewReady) and "foto de capa" in placed.text, placed
    site = await current(rt)
    first = site.images[0].hash
    assert site.sections[0].kind == "hero" and site.sections[0].image == first  # type: ignore[union-attr]
    prompt = asked[0].prompt_text
    assert asked[0].schema_name == "refinement" and "põe-na como capa" in prompt
    assert '"images":[{"hash":"' + first in prompt and "place_image" in prompt and "Never use add_image" in prompt
    assert '"placeholder"' not in prompt  # sizes and colours are not the model's business

    requests = len(llm.chat_requests)
    shown = await send(rt, photos.camera_jpeg((1200, 900), seed=32))  # no caption: the gallery, no model call
    assert isinstance(shown, PreviewReady) and len(llm.chat_requests) == requests

    def swap(recorded: Recorded) -> Reply:
        """The next message, "troca a capa por esta": "esta" is the photo the prompt says was just sent."""
        asked.append(recorded)
        (photo,) = just_sent(recorded)
        return Stream(refinement_text("Troquei a foto da capa.", [{"op": "replace_image", "hash": first, "by": photo}]))

    llm.responder = swap
    swapped = [e async for e in rt.studio.message(ANA, "troca a capa por esta")][-1]
    assert isinstance(swapped, PreviewReady), swapped
    site = await current(rt)
    second = site.images[1].hash
    assert just_sent(asked[-1]) == [second] and "troca a capa por esta" in asked[-1].prompt_text
    assert site.sections[0].image == second  # type: ignore[union-attr]


async def test_an_image_the_model_invents_is_not_applied(llm: OpenAIStandIn, rt: Runtime) -> None:
    llm.script(Stream(site_text(site_data(KINDS))))
    created = [e async for e in rt.studio.message(ANA, PADARIA)]
    assert isinstance(created[-1], PreviewReady)
    invented = {"hash": "f" * 64, "width": 800, "height": 600, "alt": "Uma foto", "placeholder": ["#000000", "#ffffff"]}

    def invent(recorded: Recorded) -> Reply:
        return Stream(refinement_text("Pus outra foto na capa.", [
            {"op": "add_image", "image": invented}, {"op": "place_image", "hash": "f" * 64, "target": "cover"}]))  # fmt: skip

    llm.responder = invent
    placed = await send(rt, photos.camera_jpeg((1200, 900), seed=33), caption="o nosso forno a lenha")
    assert isinstance(placed, PreviewReady)
    site = await current(rt)
    assert [i.hash for i in site.images] != ["f" * 64] and site.image("f" * 64) is None
    assert site.images[0].alt == "o nosso forno a lenha"  # the caption still describes the photo
