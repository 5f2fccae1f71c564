"""A conversation that comes back to an open site: the greeting names it, another business starts anew.

Restarting ``make run`` continued the last conversation silently: "A florist in Bristol" was read
as a refinement of the old site ("Sorry, I didn't catch what you'd like to change") and the
/publish after it published the old site. Studio decides (the same for every front door); these
tests drive it as a terminal and as a Telegram chat would.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from bots.wiring import Runtime, runtime
from core.events import Event, Failed, GenerationStarted, PreviewReady, Published, Reply
from core.i18n.locales import LOCALES, Locale
from core.settings import Settings
from core.storage.records import ChatRef


@pytest.fixture
async def rt(database_url: str, settings_for: Callable[..., Settings]) -> AsyncIterator[Runtime]:
    async with runtime(settings_for(database_url)) as started:
        yield started


async def talk(rt: Runtime, chat: ChatRef, text: str) -> list[Event]:
    return [event async for event in rt.studio.message(chat, text)]


@pytest.mark.parametrize("platform", ["console", "telegram"])
async def test_another_business_starts_a_new_site_and_publish_publishes_it(rt: Runtime, platform: str) -> None:
    chat = ChatRef(platform=platform, chat_id="back-again", user_id="ana", language="en")
    bakery = await talk(rt, chat, "a bakery in Lisbon")
    assert isinstance(bakery[-1], PreviewReady) and bakery[-1].site_name == "Lisbon Bakery"
    assert isinstance((await talk(rt, chat, "/publish"))[-1], Published)

    florist = await talk(rt, chat, "A florist in Bristol")
    notice = [e for e in florist if isinstance(e, Reply)]
    assert notice and "Lisbon Bakery" in notice[0].text and "/new" not in notice[0].text
    assert any(isinstance(e, GenerationStarted) and e.mode == "create" for e in florist)
    assert isinstance(florist[-1], PreviewReady) and florist[-1].site_name == "Bristol Florist"
    assert not any(isinstance(e, Failed) for e in florist)

    published = (await talk(rt, chat, "/publish"))[-1]
    assert isinstance(published, Published) and published.url.endswith("/s/bristol-florist/")

    # the bakery is kept as it was, still online at its address
    bakery_site = await rt.store.site_by_slug("lisbon-bakery")
    assert bakery_site is not None and bakery_site.current_version == 1
    assert await rt.store.is_online(bakery_site.id)

    # a change after the switch refines the florist, not a third site
    changed = await talk(rt, chat, "make it dark green")
    assert isinstance(changed[-1], PreviewReady) and changed[-1].site_name == "Bristol Florist"
    assert changed[-1].version == 2


async def test_describing_the_open_business_again_says_which_site_is_open(rt: Runtime) -> None:
    chat = ChatRef(platform="console", chat_id="twice", user_id="bruno", language="en")
    await talk(rt, chat, "a bakery in Lisbon")
    again = await talk(rt, chat, "a bakery in Lisbon")
    assert len(again) == 1 and isinstance(again[0], Reply)
    assert "Lisbon Bakery" in again[0].text and "/new" in again[0].text
    site = await rt.store.site_by_slug("lisbon-bakery")
    assert site is not None and site.current_version == 1  # nothing generated, nothing stored


@pytest.mark.parametrize("language", LOCALES)
async def test_the_greeting_names_the_open_site_and_how_to_start_another(rt: Runtime, language: Locale) -> None:
    chat = ChatRef(platform="console", chat_id=f"greet-{language}", user_id="carla", language=language)
    fresh = await rt.studio.welcome(chat)
    assert "/help" in fresh.text and "/new" not in fresh.text  # nothing open yet

    description = {
        "pt_BR": "uma padaria em Curitiba",
        "pt_PT": "uma padaria em Lisboa",
        "en": "a bakery in Lisbon",
        "es": "una panadería en Lisboa",
    }[language]
    created = await talk(rt, chat, description)
    assert isinstance(created[-1], PreviewReady)
    name = created[-1].site_name
    await talk(rt, chat, "/publish")

    greeting = await rt.studio.welcome(chat)
    assert greeting.language == language
    assert name in greeting.text and "/new" in greeting.text and "/s/" in greeting.text


async def test_telegram_start_greets_with_the_open_site(rt: Runtime) -> None:
    chat = ChatRef(platform="telegram", chat_id="tg-start", user_id="dora", language="en")
    await talk(rt, chat, "A florist in Bristol")
    start = await talk(rt, chat, "/start")
    assert len(start) == 1 and isinstance(start[0], Reply)
    assert "Bristol Florist" in start[0].text and "/new" in start[0].text and "/publish" in start[0].text
