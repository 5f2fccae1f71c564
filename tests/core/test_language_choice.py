"""/language: the user picks the locale; it is kept per conversation, over detection and the platform.

Runs on SQLite and PostgreSQL (the choice is a column added by migration 0008).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from bots.wiring import Runtime, runtime
from core.events import Event, GenerationStarted, Reply
from core.settings import Settings
from core.storage.records import ChatRef

CARLA = ChatRef(platform="console", chat_id="carla-room", user_id="carla")


@pytest.fixture
async def rt(database_url: str, settings_for: Callable[..., Settings]) -> AsyncIterator[Runtime]:
    async with runtime(settings_for(database_url)) as started:
        yield started


async def say(rt: Runtime, text: str, chat: ChatRef = CARLA) -> list[Event]:
    return [event async for event in rt.studio.message(chat, text)]


async def test_language_without_argument_says_what_is_in_use_and_how_to_change(rt: Runtime) -> None:
    await say(rt, "Quero um site pra minha lanchonete em Recife")
    [reply] = await say(rt, "/language")
    assert isinstance(reply, Reply) and reply.text.startswith("Aqui eu falo português do Brasil.")
    assert "/language pt-PT — português de Portugal" in reply.text


async def test_a_chosen_locale_is_kept_over_detection_and_stored(rt: Runtime) -> None:
    await say(rt, "Quero um site pra minha lanchonete em Recife")
    [reply] = await say(rt, "/language pt-PT")
    assert isinstance(reply, Reply) and reply.text.startswith("A partir de agora respondo em português europeu")
    # Brazilian cues in the next message do not switch it back, and neither does English.
    events = await say(rt, "você pode deixar o cardápio mais bonito?")
    assert any(isinstance(e, GenerationStarted) and e.language == "pt_PT" for e in events)
    events = await say(rt, "make it dark green")
    assert any(isinstance(e, GenerationStarted) and e.language == "pt_PT" for e in events)
    conversation = await rt.studio.store.conversation(CARLA)
    assert conversation.language == "pt_PT" and conversation.language_chosen


async def test_help_lists_the_language_command_in_every_locale(rt: Runtime) -> None:
    for choice, expected in (("en", "/language — choose the language"), ("pt-BR", "/language — escolher o idioma"),
                             ("pt-PT", "/language — escolher a língua"), ("es", "/language — elegir el idioma")):
        await say(rt, f"/language {choice}")
        [reply] = await say(rt, "/help")
        assert expected in reply.text  # type: ignore[attr-defined]


async def test_an_unknown_language_is_refused_and_nothing_changes(rt: Runtime) -> None:
    await say(rt, "Uma pastelaria em Lisboa com esplanada")
    [reply] = await say(rt, "/language klingon")
    assert isinstance(reply, Reply) and "Ainda não falo “klingon”" in reply.text
    conversation = await rt.studio.store.conversation(CARLA)
    assert conversation.language == "pt_PT" and not conversation.language_chosen


async def test_the_platform_variant_wins_over_text_cues_until_the_user_chooses(rt: Runtime) -> None:
    brazilian_app = ChatRef(platform="telegram", chat_id="77", user_id="77", language="pt_BR")
    events = await say(rt, "Estou a fazer um site para a minha pastelaria", brazilian_app)
    assert any(isinstance(e, GenerationStarted) and e.language == "pt_BR" for e in events)
    await say(rt, "/language pt-PT", brazilian_app)
    events = await say(rt, "muda a cor para azul", brazilian_app)
    assert any(isinstance(e, GenerationStarted) and e.language == "pt_PT" for e in events)
