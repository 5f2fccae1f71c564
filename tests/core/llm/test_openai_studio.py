"""The whole Studio on the OpenAI-compatible generator: the real SDK talks to the local stand-in.

What the user sees (events) and what is stored (versions, usage tokens) are asserted.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from bots.wiring import Runtime, runtime
from core.events import Event, Failed, GenerationStarted, PreviewReady, Reply, SectionReady
from core.llm.remote import RemoteGenerator
from core.settings import Settings
from core.storage.records import ChatRef
from tests.core.llm.openai.documents import (
    DARK_GREEN,
    FAQ,
    refinement_text,
    section_text,
    site_data,
    site_text,
)
from tests.standins.openai_server import OpenAIStandIn, Status, Stream

ANA = ChatRef(platform="console", chat_id="ana-room", user_id="ana")
PADARIA = "Uma padaria artesanal em Lisboa, com menu, horário e contacto"
KINDS = ("hero", "about", "menu", "pricing", "contact", "footer")


@pytest.fixture
async def llm() -> AsyncIterator[OpenAIStandIn]:
    async with OpenAIStandIn() as server:
        yield server


def llm_settings(
    server: OpenAIStandIn, settings_for: Callable[..., Settings], database_url: str | None = None, **extra: object
) -> Settings:
    return settings_for(
        database_url, llm_base_url=server.base_url, llm_api_key="sk-studio-secret", llm_model="pagemagic-test",
        llm_backoff=0.01, llm_timeout=2.0, **extra,
    )


@pytest.fixture
async def rt(llm: OpenAIStandIn, settings_for: Callable[..., Settings]) -> AsyncIterator[Runtime]:
    async with runtime(llm_settings(llm, settings_for)) as started:
        yield started


async def say(rt: Runtime, text: str) -> list[Event]:
    return [event async for event in rt.studio.message(ANA, text)]


async def stored_tokens(rt: Runtime) -> int:
    await rt.meter.flush()
    conversation = await rt.store.conversation(ANA, "free")
    summary = await rt.studio.quotas.summary(conversation.user_id)
    return next(m.used for m in summary.metrics if m.metric == "tokens")


async def test_create_and_refine_through_studio(
    llm: OpenAIStandIn, database_url: str, settings_for: Callable[..., Settings]
) -> None:
    async with runtime(llm_settings(llm, settings_for, database_url=database_url)) as rt:
        assert isinstance(rt.studio.generator, RemoteGenerator)
        llm.script(Stream(site_text(site_data(KINDS))))
        events = await say(rt, PADARIA)
        assert isinstance(events[0], GenerationStarted) and "A criar" in events[0].text
        assert [e.kind for e in events if isinstance(e, SectionReady)] == list(KINDS)
        ready = events[-1]
        assert isinstance(ready, PreviewReady) and ready.version == 1 and ready.site_name == "Padaria Estrela"
        async with httpx.AsyncClient() as http:
            page = await http.get(ready.url)
        assert page.status_code == 200 and "Pão quente desde as sete" in page.text

        llm.script(Stream(refinement_text("Mudei as cores e juntei perguntas frequentes.",
                                          [{"op": "set_theme", "theme": DARK_GREEN},
                                           {"op": "add_section", "section": FAQ}])))
        events = await say(rt, "deixa-o verde escuro e adiciona perguntas frequentes")
        assert [e.kind for e in events if isinstance(e, SectionReady)] == ["faq"]  # only what changed
        refined = events[-1]
        assert isinstance(refined, PreviewReady) and refined.version == 2 and refined.url == ready.url
        record = await rt.store.site((await rt.store.conversation(ANA, "free")).site_id or 0)
        v2 = await rt.store.version(record.id, 2)
        assert v2.site.theme.palette.primary == "#14532d" and [s.kind for s in v2.site.sections][-2:] == ["faq", "footer"]
        assert await stored_tokens(rt) == sum(p + c for p, c in llm.usage_sent)
        assert all(r.headers["authorization"] == "Bearer sk-studio-secret" for r in llm.chat_requests)


async def test_a_section_that_cannot_be_generated_is_named_and_the_rest_is_stored(
    llm: OpenAIStandIn, rt: Runtime
) -> None:
    data = site_data(KINDS)
    data["sections"][3]["plans"] = []  # pricing without plans, again and again
    llm.script(Stream(site_text(data)), Stream(section_text(data["sections"][3])),
               Stream(section_text(data["sections"][3])))
    events = await say(rt, PADARIA)
    skipped = [e for e in events if isinstance(e, Reply) and e.kind == "section_skipped"]
    assert len(skipped) == 1 and "Preços" in skipped[0].text  # said plainly, in Portuguese
    assert [e.kind for e in events if isinstance(e, SectionReady)] == ["hero", "about", "menu", "contact", "footer"]
    ready = events[-1]
    assert isinstance(ready, PreviewReady) and ready.version == 1
    record = await rt.store.site((await rt.store.conversation(ANA, "free")).site_id or 0)
    stored = await rt.store.version(record.id, 1)
    assert [s.kind for s in stored.site.sections] == ["hero", "about", "menu", "contact", "footer"]
    assert await stored_tokens(rt) == sum(p + c for p, c in llm.usage_sent)
    assert len(llm.usage_sent) == 3


@pytest.mark.parametrize(
    ("reply", "code", "words"),
    [
        (Stream(site_text(site_data(KINDS))[:900], finish="length"), "model_truncated", "cortada"),
        (Stream(site_text(site_data(KINDS)), drop_after=150), "model_dropped", "caiu"),
        (Stream(site_text(site_data(KINDS))[:700]), "model_malformed", "não são dados"),
        (Stream(refusal="I can't help with that."), "model_refused", "I can't help with that."),
        (Stream(site_text(site_data(KINDS)), stall=5.0), "model_timeout", "demorou"),
        (Status(401, "invalid api key sk-studio-secret"), "model_rejected", "HTTP 401"),
    ],
    ids=["truncated", "dropped", "malformed", "refusal", "timeout", "rejected"],
)
async def test_a_failed_create_stores_nothing_and_says_why(
    llm: OpenAIStandIn, rt: Runtime, reply: Stream | Status, code: str, words: str
) -> None:
    llm.script(reply)
    events = await say(rt, PADARIA)
    failed = events[-1]
    assert isinstance(failed, Failed) and failed.code == code, events
    assert words in failed.text and "sk-studio-secret" not in failed.text
    assert (await rt.store.conversation(ANA, "free")).site_id is None  # nothing half-saved
    history = await say(rt, "/history")
    assert isinstance(history[-1], Failed) and history[-1].code == "no_site"


async def test_a_failed_refinement_keeps_the_last_good_version(llm: OpenAIStandIn, rt: Runtime) -> None:
    llm.script(Stream(site_text(site_data(KINDS))))
    await say(rt, PADARIA)
    text = refinement_text("ok", [{"op": "add_section", "section": FAQ}, {"op": "set_theme", "theme": DARK_GREEN}])
    llm.script(Stream(text, drop_after=len(text) // 8))  # the FAQ edit arrived, then the line dropped
    events = await say(rt, "adiciona perguntas frequentes e verde escuro")
    assert isinstance(events[-1], Failed) and events[-1].code == "model_dropped"
    record = await rt.store.site((await rt.store.conversation(ANA, "free")).site_id or 0)
    assert record.current_version == 1 and len(await rt.store.versions(record.id)) == 1


async def test_429_then_success_and_500s_through_studio(llm: OpenAIStandIn, rt: Runtime) -> None:
    llm.script(Status(429, "slow down", {"retry-after": "0.2"}), Stream(site_text(site_data(KINDS))))
    events = await say(rt, PADARIA)
    assert isinstance(events[-1], PreviewReady) and events[-1].version == 1
    llm.script(Status(500), Status(500), Status(500), Status(500))
    events = await say(rt, "adiciona perguntas frequentes")
    assert isinstance(events[-1], Failed) and events[-1].code == "model_unavailable"
    assert "não está a responder" in events[-1].text
    assert len(llm.chat_requests) == 2 + 4  # retries=3 by default: four attempts
