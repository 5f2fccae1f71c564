"""Refinements do what they say, or say they didn't (issue #16, item 2): each quoted fault, reproduced.

Every test here failed on main before the fix (bench/fidelity/before.md measures the same on the corpus).
"""

from __future__ import annotations

import pytest

from core.llm.port import CannotHelp, Summary
from core.site.site import Site
from tests.core.llm.running import create, refine


def reply(events: list[object]) -> str:
    return next(e.text for e in events if isinstance(e, Summary))  # type: ignore[attr-defined]


def hero_heading(site: Site) -> str:
    return next(s.heading for s in site.sections if s.kind == "hero")  # type: ignore[union-attr]


@pytest.mark.parametrize("request_text", ["make the title bigger", "deixa o título maior", "haz el título más grande"])
async def test_a_bigger_title_is_a_style_edit_not_a_new_headline(request_text: str) -> None:
    site = await create("A family-run Thai restaurant in Manchester with lunch specials")
    new, edits, events = await refine(site, request_text)
    assert hero_heading(new) == hero_heading(site)  # the words stay; only their size changes
    assert new.theme.typography.heading_step("hero") == 1
    assert [e.op for e in edits] == ["set_theme"]
    assert "bigger" not in reply(events).lower() or "headline" not in reply(events).lower()


@pytest.mark.parametrize(("request_text", "step"), [("font larger", 1), ("smaller text please", -1),
                                                   ("aumenta a letra do site", 1), ("texto mais pequeno", -1)])
async def test_text_size_requests_change_the_type_scale(request_text: str, step: int) -> None:
    site = await create("A bakery in Lisbon")
    new, _, events = await refine(site, request_text)
    assert new.theme.typography.body == step
    assert not any(isinstance(e, CannotHelp) for e in events)


async def test_more_space_and_an_elegant_font() -> None:
    site = await create("A gym in Porto")
    spaced, _, _ = await refine(site, "more space between sections")
    assert spaced.theme.typography.density == "airy"
    fonted, _, events = await refine(site, "use a more elegant font")
    assert fonted.theme.fonts in ("elegant", "classic") and fonted.theme.palette == site.theme.palette
    assert reply(events) == "Done: changed the fonts."


async def test_a_list_of_prices_becomes_items_exactly() -> None:
    site = await create("A bakery in Lisbon")
    new, _, events = await refine(site, "add a section with our prices: bread 1€, croissant 1.50€")
    menu = next(s for s in new.sections if s.kind == "menu")
    prices = {i.name: i.price for c in menu.categories for i in c.items}  # type: ignore[union-attr]
    assert prices["Bread"] == 1.0 and prices["Croissant"] == 1.5
    assert "already" not in reply(events) and "Bread, Croissant" in reply(events)


@pytest.mark.parametrize("request_text", ["put our Instagram link @padaria_lx",
                                          "add our instagram: https://instagram.com/padaria_lx"])
async def test_instagram_requests_set_the_instagram_link(request_text: str) -> None:
    site = await create("Padaria em Lisboa")
    new, _, events = await refine(site, request_text)
    assert [s.url for s in new.business.socials if s.network == "instagram"] == ["https://instagram.com/padaria_lx"]
    assert "Instagram" in reply(events)


async def test_our_team_is_sets_exactly_those_people() -> None:
    site = await create("Dental clinic in Boston called Bright Smile Dental")
    new, _, _ = await refine(site, "our team is Dr. Sarah Kim (dentist) and Mark Lee (hygienist)")
    team = next(s for s in new.sections if s.kind == "team")
    assert [(m.name, m.role) for m in team.members] == [("Sarah Kim", "dentist"), ("Mark Lee", "hygienist")]  # type: ignore[union-attr]


async def test_nothing_changed_is_never_done() -> None:
    site = await create("A restaurant in Lisbon")  # has a FAQ already
    new, edits, events = await refine(site, "add an FAQ section")
    assert edits == [] and new == site
    assert not reply(events).startswith("Done") and reply(events).startswith("Nothing changed")


async def test_translation_keeps_people_and_items() -> None:
    """'translate the site to English' turned two testimonial authors into the same invented name."""
    site = await create("Clínica dentária no Porto chamada Sorriso, consulta 40 €, branqueamento 250 €")
    new, _, _ = await refine(site, "traduz o site para inglês")
    assert new.language == "en" and new.name == "Sorriso"

    def people(s: Site) -> list[str]:
        return [i.author for x in s.sections if x.kind == "testimonials" for i in x.items] + [  # type: ignore[union-attr]
            m.name for x in s.sections if x.kind == "team" for m in x.members]  # type: ignore[union-attr]

    assert people(new) == people(site) and len(set(people(new))) == len(people(new))
    services = next(s for s in new.sections if s.kind == "services")
    assert [(i.name, i.price) for i in services.items] == [("Consulta", 40.0), ("Branqueamento", 250.0)]  # type: ignore[union-attr]


async def test_a_section_added_to_a_specialty_site_stays_neutral() -> None:
    """A FAQ added later to a Thai restaurant must not bring the restaurant copy's dishes back."""
    site = await create("A family-run Thai restaurant in Manchester with lunch specials, pad thai £9.50")
    without, _, _ = await refine(site, "remove the faq")
    again, _, _ = await refine(without, "add a FAQ")
    text = again.model_dump_json().lower()
    assert "cod" not in text and "chorizo" not in text and "pad thai" in text
