"""The remote generator against the stand-in: streaming, validation, repair, refinement, budget, prompts."""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import AsyncIterator

import pytest

from core.errors import InvalidSpec
from core.llm.port import (
    EditGenerated,
    GenerationEvent,
    GenerationRequest,
    HeaderGenerated,
    PartSkipped,
    SectionGenerated,
    Summary,
    TokensUsed,
    Turn,
)
from core.llm.remote import RemoteGenerator
from core.llm.remote.budget import count_tokens, fit_messages
from core.llm.remote.errors import ModelMalformed, ModelTruncated
from core.llm.remote.prompts import compact_spec, prompt_book
from core.site.schema import parse_site
from tests.core.llm.openai.conftest import config_for
from tests.core.llm.openai.documents import (
    DARK_GREEN,
    FAQ,
    edit_list_text,
    refinement_text,
    section_text,
    site_data,
    site_text,
)
from tests.standins.openai_server import OpenAIStandIn, Stream

KINDS = ("hero", "about", "menu", "faq", "contact", "footer")


@pytest.fixture
async def generator(llm: OpenAIStandIn) -> AsyncIterator[RemoteGenerator]:
    generator = RemoteGenerator(config_for(llm))
    try:
        yield generator
    finally:
        await generator.aclose()


async def run(generator: RemoteGenerator, request: GenerationRequest) -> list[GenerationEvent]:
    return [event async for event in generator.generate(request)]


CREATE = GenerationRequest("Uma padaria artesanal em Lisboa, com menu e contacto", language="pt_PT")


async def test_sections_arrive_while_the_model_is_still_writing(llm: OpenAIStandIn, generator: RemoteGenerator) -> None:
    data = site_data()
    text = site_text(data)
    hero_end = text.index(section_text(data["sections"][0])) + len(section_text(data["sections"][0]))
    release = asyncio.Event()
    llm.script(Stream(text, hold_at=hero_end + 1, release=release))  # the model pauses right after the hero
    events: list[GenerationEvent] = []
    held_back: list[str] = []
    async with asyncio.timeout(10):  # a reader that waited for the whole document would hang here
        async for event in generator.generate(CREATE):
            events.append(event)
            if isinstance(event, SectionGenerated) and not release.is_set():
                held_back.append(event.section.kind)  # arrived while the rest was still unwritten
                release.set()
    assert held_back == ["hero"]
    assert isinstance(events[0], HeaderGenerated) and events[0].header.name == "Padaria Estrela"
    sections = [e.section.kind for e in events if isinstance(e, SectionGenerated)]
    assert sections == [s["kind"] for s in site_data()["sections"]]
    assert isinstance(events[-1], TokensUsed) and (events[-1].prompt, events[-1].completion) == llm.usage_sent[0]
    prompt = llm.chat_requests[0].prompt_text
    assert "Portuguese" in prompt and "bakery" in prompt and "Uma padaria artesanal" in prompt


async def test_an_invalid_section_is_repaired_in_place(llm: OpenAIStandIn, generator: RemoteGenerator) -> None:
    data = site_data(KINDS)
    broken = data["sections"][2]
    broken["categories"][0]["items"][0]["price"] = "cheap"  # not a number
    fixed = site_data(KINDS)["sections"][2]
    llm.script(Stream(site_text(data)), Stream(section_text(fixed)))
    events = await run(generator, CREATE)
    kinds = [e.section.kind for e in events if isinstance(e, SectionGenerated)]
    assert kinds == list(KINDS)  # page order holds: later sections waited for the repair
    repair = llm.chat_requests[1]
    assert repair.schema_name == "section"
    assert "$.sections[2].categories[0].items[0].price" in repair.prompt_text and '"cheap"' in repair.prompt_text
    assert len([e for e in events if isinstance(e, TokensUsed)]) == 2


async def test_a_section_that_never_becomes_valid_is_skipped_after_max_repairs(
    llm: OpenAIStandIn, generator: RemoteGenerator
) -> None:
    data = site_data(KINDS)
    data["sections"][3] = {"kind": "faq", "heading": "FAQ", "items": []}  # minItems 1
    llm.script(Stream(site_text(data)), Stream(section_text(data["sections"][3])), Stream("not json at all"))
    events = await run(generator, CREATE)
    skipped = [e for e in events if isinstance(e, PartSkipped)]
    assert [(s.part, s.kind) for s in skipped] == [("section", "faq")]
    assert skipped[0].path.startswith("$.sections[3]")
    assert [e.section.kind for e in events if isinstance(e, SectionGenerated)] == ["hero", "about", "menu", "contact", "footer"]
    assert len(llm.chat_requests) == 1 + generator.config.max_repairs


async def test_the_header_may_come_after_the_sections(llm: OpenAIStandIn, generator: RemoteGenerator) -> None:
    data = site_data(("hero", "footer"))
    reordered = {"sections": data.pop("sections"), **data}
    llm.script(Stream(json.dumps(reordered, ensure_ascii=False)))
    events = await run(generator, CREATE)
    assert isinstance(events[0], HeaderGenerated)
    assert [type(e).__name__ for e in events[1:]] == ["SectionGenerated", "SectionGenerated", "TokensUsed"]
    assert [e.section.kind for e in events if isinstance(e, SectionGenerated)] == ["hero", "footer"]


async def test_an_unrepairable_header_fails_with_its_path(llm: OpenAIStandIn, generator: RemoteGenerator) -> None:
    data = site_data(("hero",))
    data["theme"]["palette"]["primary"] = "green"
    llm.script(Stream(site_text(data)), Stream("{}"), Stream("{}"))
    with pytest.raises(InvalidSpec) as caught:
        await run(generator, CREATE)
    assert caught.value.path.startswith("$")
    assert llm.chat_requests[1].schema_name == "site_header"
    assert "$.theme.palette.primary" in llm.chat_requests[1].prompt_text


async def test_truncated_and_malformed_answers_fail(llm: OpenAIStandIn, generator: RemoteGenerator) -> None:
    text = site_text(site_data(KINDS))
    llm.script(Stream(text[: len(text) // 2], finish="length"))
    with pytest.raises(ModelTruncated):
        await run(generator, CREATE)
    llm.script(Stream(text[: len(text) // 2]))
    with pytest.raises(ModelMalformed, match="ended before"):
        await run(generator, CREATE)
    llm.script(Stream('{"name": "x", "sections": [{"kind": "hero"}]]]'))
    with pytest.raises(ModelMalformed, match="unexpected"):
        await run(generator, CREATE)


async def test_refinement_streams_edits_checked_against_the_site_so_far(
    llm: OpenAIStandIn, generator: RemoteGenerator
) -> None:
    current = parse_site(site_data(KINDS))
    edits = [
        {"op": "set_theme", "theme": DARK_GREEN},
        {"op": "remove_section", "index": 9},  # there is no section 9: repaired
        {"op": "add_section", "section": FAQ},
    ]
    llm.script(
        Stream(refinement_text("Mudei a cor para verde escuro.", edits)),
        Stream(edit_list_text({"op": "move_section", "index": 2, "to": 1})),
    )
    request = GenerationRequest("deixa-o verde escuro e move o menu para cima", current=current, language="pt_PT",
                                history=(Turn("user", "Uma padaria"), Turn("assistant", "created v1")))
    events = await run(generator, request)
    assert Summary("Mudei a cor para verde escuro.", "pt_PT") in events
    ops = [e.edit.op for e in events if isinstance(e, EditGenerated)]
    assert ops == ["set_theme", "move_section", "add_section"]
    body = llm.chat_requests[0].body
    assert body["response_format"]["json_schema"]["name"] == "refinement"
    assert compact_spec(current) in body["messages"][-1]["content"]
    assert [m["role"] for m in body["messages"]] == ["system", "user", "assistant", "user"]
    assert "$.edits[1].index" in llm.chat_requests[1].prompt_text


def test_the_context_budget_drops_oldest_turns_and_keeps_the_spec() -> None:
    system = {"role": "system", "content": "rules " * 50}
    request = {"role": "user", "content": "SPEC " + "x " * 800}
    history = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i} " + "word " * 200}
               for i in range(20)]
    messages, used = fit_messages(system, history, request, context_tokens=4096, reserve_for_answer=1024)  # type: ignore[arg-type]
    assert messages[0] is system and messages[-1] is request
    kept = messages[1:-1]
    assert 0 < len(kept) < 20 and kept[-1] is history[-1]  # newest turns kept, in order
    assert kept == history[-len(kept):]
    assert used <= (4096 - 1024) * 0.95
    assert count_tokens("Olá, uma padaria em Lisboa") == 9  # cl100k_base, the real BPE


async def test_long_conversations_keep_working(llm: OpenAIStandIn) -> None:
    generator = RemoteGenerator(config_for(llm, context_tokens=4096, max_output_tokens=1024))
    current = parse_site(site_data(KINDS))
    history = tuple(Turn("user" if i % 2 == 0 else "assistant", f"pedido {i} " + "palavra " * 300) for i in range(40))
    llm.script(Stream(refinement_text("Feito.", [{"op": "add_section", "section": FAQ}])))
    try:
        events = await run(generator, GenerationRequest("adiciona FAQ", current=current, language="pt_PT", history=history))
    finally:
        await generator.aclose()
    assert [e.edit.op for e in events if isinstance(e, EditGenerated)] == ["add_section"]
    sent = llm.chat_requests[0].body["messages"]
    assert len(sent) < 42 and sent[-1]["content"].count('"kind"') >= len(KINDS)
    assert sum(count_tokens(m["content"]) for m in sent) < 4096


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("Uma barbearia no Porto", "salon"),
        ("A SaaS tool for invoices", "software"),
        ("Portfolio de fotógrafo de casamentos", "portfolio"),
        ("Una panadería en Madrid con cafetería", "bakery"),
        ("Restaurante de sushi em Braga", "restaurant"),
        ("something completely different", "other"),
    ],
)
def test_a_template_is_picked_from_the_description(description: str, kind: str) -> None:
    book = prompt_book()
    template = book.pick(description)
    assert template.kind == kind
    assert template.sections[0] == "hero" and template.sections[-1] == "footer"
    text = book.generate_text(description, "es", template)
    assert description in text and '"es"' in text


def test_every_template_suggests_only_known_sections() -> None:
    from core.site.sections import SECTION_KINDS

    for template in prompt_book().kinds:
        assert set(template.sections) <= set(SECTION_KINDS), template.kind


def test_repair_keeps_the_original_untouched() -> None:
    data = site_data(KINDS)
    before = copy.deepcopy(data)
    site_text(data)
    assert data == before


def test_the_prompt_lists_the_stated_facts_exactly() -> None:
    """Issue #16: a model is told each item and price as written, so it can keep them exactly."""
    book = prompt_book()
    description = "Padaria em Lisboa, pão 1€, croissant 1,50€, R$ 12,90 não, instagram @padaria_lx"
    text = book.generate_text(description, "pt_PT", book.pick(description))
    assert "- item: Croissant — price 1.5 EUR" in text and "- item: Pão — price 1 EUR" in text
    assert "- link: https://instagram.com/padaria_lx" in text
    assert "no item, service or dish of\nanother specialty" in text
