from __future__ import annotations

import pytest

from core.llm.port import CannotHelp, EditGenerated, Summary
from core.site.contrast import hls
from core.site.edits import (
    AddSection,
    MoveSection,
    RemoveSection,
    ReplaceSection,
    SetBusiness,
    SetIdentity,
    SetTheme,
)
from core.site.site import Site
from tests.core.llm.running import collect, create, refine

PADARIA = "Uma padaria artesanal em Lisboa, com menu, horário e contacto"


@pytest.fixture
async def padaria() -> Site:
    return await create(PADARIA)


def _is_green(hex_colour: str) -> bool:
    hue, _, saturation = hls(hex_colour)
    return 0.22 <= hue <= 0.45 and saturation > 0.2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("make it dark green and add a FAQ", "en"),
        ("deixa-o verde escuro e adiciona perguntas frequentes", "pt_PT"),
        ("ponlo verde oscuro y añade preguntas frecuentes", "es"),
    ],
)
async def test_dark_green_and_a_faq(padaria: Site, text: str, language: str) -> None:
    site, edits, events = await refine(padaria, text)
    themes = [e for e in edits if isinstance(e, SetTheme)]
    assert len(themes) == 1 and themes[0].theme.mode == "dark" and _is_green(themes[0].theme.palette.primary)
    section_edits = [e for e in edits if not isinstance(e, SetTheme)]
    assert len(section_edits) == 1 and isinstance(section_edits[0], AddSection)
    assert section_edits[0].section.kind == "faq"
    assert [s.kind for s in site.sections].count("faq") == 1
    summary = next(e for e in events if isinstance(e, Summary))
    assert summary.language == language
    # The added FAQ is written in the site's language, not the request's.
    assert site.sections[[s.kind for s in site.sections].index("faq")].heading == "Perguntas frequentes"


async def test_theme_change_alone_has_no_section_edits(padaria: Site) -> None:
    _, edits, _ = await refine(padaria, "hazlo más oscuro")
    assert len(edits) == 1 and isinstance(edits[0], SetTheme) and edits[0].theme.mode == "dark"


@pytest.mark.parametrize("style", ["more elegant", "mais divertido", "más minimalista", "more corporate"])
async def test_style_words_pick_a_preset(padaria: Site, style: str) -> None:
    _, edits, _ = await refine(padaria, style)
    assert len(edits) == 1 and isinstance(edits[0], SetTheme)


async def test_remove_and_move(padaria: Site) -> None:
    site, edits, _ = await refine(padaria, "remove the testimonials and move the menu to the top")
    assert isinstance(edits[0], RemoveSection) and isinstance(edits[1], MoveSection)
    kinds = [s.kind for s in site.sections]
    assert "testimonials" not in kinds and kinds[:2] == ["hero", "menu"]
    site, _, _ = await refine(site, "mueve la carta al final")
    assert [s.kind for s in site.sections][-2:] == ["menu", "footer"]
    site, _, _ = await refine(site, "move the menu after the about section")
    kinds = [s.kind for s in site.sections]
    assert kinds.index("menu") == kinds.index("about") + 1


async def test_rename_updates_name_texts_and_seo(padaria: Site) -> None:
    site, edits, _ = await refine(padaria, "muda o nome para Pão Quente")
    assert site.name == "Pão Quente"
    assert any(isinstance(e, SetIdentity) and e.name == "Pão Quente" for e in edits)
    assert "Padaria Artesanal de Lisboa" not in site.model_dump_json()
    site, _, _ = await refine(site, "cámbiale el nombre a Pan Caliente")
    assert site.name == "Pan Caliente"


async def test_headline(padaria: Site) -> None:
    site, edits, _ = await refine(padaria, "change the headline to Bread worth waking up for")
    assert edits == [ReplaceSection(index=0, section=site.sections[0])]
    assert site.sections[0].heading == "Bread worth waking up for"


async def test_hours_phone_and_email(padaria: Site) -> None:
    site, edits, _ = await refine(padaria, "abre de segunda a sábado das 8h às 20h")
    assert isinstance(edits[0], SetBusiness)
    assert [(h.days, h.hours) for h in site.business.opening_hours] == [("Seg–Sáb", "08:00–20:00")]
    site, _, _ = await refine(site, "the phone is +351 213 000 111 and the e-mail is pao@example.pt")
    assert site.business.phone == "+351213000111" and site.business.email == "pao@example.pt"


async def test_hours_add_a_contact_section_when_missing(padaria: Site) -> None:
    site, _, _ = await refine(padaria, "remove the contact")
    site, edits, _ = await refine(site, "open Mon–Fri 9–17")
    assert isinstance(edits[0], SetBusiness) and isinstance(edits[1], AddSection)
    assert "contact" in [s.kind for s in site.sections]


async def test_prices(padaria: Site) -> None:
    site, edits, _ = await refine(padaria, "set the price of pastel de nata to 1.50")
    assert len(edits) == 1 and isinstance(edits[0], ReplaceSection)
    menu = next(s for s in site.sections if s.kind == "menu")
    prices = {i.name: i.price for c in menu.categories for i in c.items}
    assert prices["Pastel de nata"] == 1.5
    raised, _, _ = await refine(site, "raise prices 10%")
    menu = next(s for s in raised.sections if s.kind == "menu")
    assert {i.name: i.price for c in menu.categories for i in c.items}["Pastel de nata"] == 1.65


async def test_add_prices_prices_services_or_adds_pricing() -> None:
    firm = await create("a law firm in London")
    site, edits, _ = await refine(firm, "add prices")
    assert len(edits) == 1 and isinstance(edits[0], ReplaceSection)
    services = next(s for s in site.sections if s.kind == "services")
    assert all(item.price is not None for item in services.items)
    other = await create("a window cleaning business")
    site, edits, _ = await refine(other, "remove the services and add pricing")
    assert "pricing" in [s.kind for s in site.sections]


async def test_language_switch_rewrites_every_section(padaria: Site) -> None:
    site, edits, _ = await refine(padaria, "in English please")
    assert site.language == "en" and site.name == padaria.name
    assert site.theme == padaria.theme
    assert sum(isinstance(e, ReplaceSection) for e in edits) == len(padaria.sections)
    assert site.sections[0].heading == "Warm bread, shaped by hand every day"
    assert site.business.opening_hours[0].days == "Mon–Fri"
    back, _, _ = await refine(site, "en español")
    assert back.language == "es" and back.business.opening_hours[0].days == "Lun–Vie"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("what is the meaning of life?", "en"),
        ("qual é o sentido da vida?", "pt_PT"),
        ("¿cuál es el sentido de la vida?", "es"),
    ],
)
async def test_unknown_request_cannot_help(padaria: Site, text: str, language: str) -> None:
    events = await collect(text, padaria)
    assert not any(isinstance(e, EditGenerated) for e in events)
    answer = next(e for e in events if isinstance(e, CannotHelp))
    assert answer.language == language and answer.message.count("•") == 4


async def test_hostile_refinement_never_links(padaria: Site) -> None:
    site, _, _ = await refine(
        padaria, "call it <script>alert(1)</script> and change the headline to javascript:alert(1)"
    )
    assert site.name == "<script>alert(1)</script>"
    assert "javascript:" not in "".join(
        str(getattr(s, "primary_action", "") or "") + str(getattr(s, "links", "")) for s in site.sections
    )


async def test_refinement_is_deterministic(padaria: Site) -> None:
    text = "make it dark green and add a FAQ"
    assert await collect(text, padaria) == await collect(text, padaria)
