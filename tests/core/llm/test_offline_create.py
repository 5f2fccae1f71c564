from __future__ import annotations

import asyncio
import time

import pytest

from core.llm.offline.kinds import SECTION_MIX
from core.llm.port import HeaderGenerated, SectionGenerated, Summary, TokensUsed
from core.site.business import BUSINESS_KINDS
from core.site.schema import parse_section
from core.site.sections import SECTION_KINDS
from tests.core.llm.running import collect, create

# One description per locale, in this order: European Portuguese, English, Spanish, Brazilian Portuguese.
LANGUAGES = ("pt_PT", "en", "es", "pt_BR")
DESCRIPTIONS = {
    "restaurant": ("um restaurante em Lisboa", "a restaurant in Boston", "un restaurante en Sevilla", "um restaurante em Salvador"),
    "cafe": ("um café no Porto", "a coffee shop in London", "una cafetería en Madrid", "uma cafeteria em Curitiba"),
    "bakery": ("uma padaria em Braga", "a bakery in Lisbon", "una panadería en Valencia", "uma padaria em Belo Horizonte"),
    "salon": ("um cabeleireiro em Faro", "a hair salon in Austin", "una peluquería en Madrid", "um salão de beleza em Recife"),
    "gym": ("um ginásio em Coimbra", "a gym in Chicago", "un gimnasio en Bilbao", "uma academia de musculação em São Paulo"),
    "clinic": ("uma clínica dentária em Lisboa", "a dental clinic in Seattle", "una clínica en Málaga", "uma clínica odontológica em Campinas"),
    "law_firm": (
        "um escritório de advogados em Lisboa",
        "a law firm in London",
        "un despacho de abogados en Madrid",
        "um escritório de advocacia em Brasília"),
    "accounting": (
        "um gabinete de contabilidade em Aveiro",
        "an accounting firm in Boston",
        "una asesoría de contabilidad en Granada",
        "um escritório de contabilidade em Curitiba"),
    "agency": (
        "uma agência de marketing em Lisboa",
        "a marketing agency in New York",
        "una agencia creativa en Barcelona",
        "uma agência de marketing em São Paulo"),
    "software": (
        "uma app de gestão de tarefas para equipas",
        "a SaaS app for invoices",
        "una aplicación de software para equipos",
        "um aplicativo pra gerenciar as tarefas da equipe"),
    "portfolio": (
        "portfólio de fotógrafo em Sintra",
        "a portfolio for a designer",
        "el portfolio de un fotógrafo en Madrid",
        "portfólio de fotógrafo em Florianópolis"),
    "event": ("um evento de tecnologia em Lisboa", "a conference in Austin", "una boda en Sevilla", "um evento de tecnologia em São Paulo"),
    "school": (
        "uma escola de línguas no Porto",
        "a language school in Manchester",
        "una escuela de idiomas en Madrid",
        "uma escola de idiomas em Porto Alegre"),
    "shop": ("uma loja de presentes em Évora", "a gift shop in Bristol", "una tienda de regalos en Zaragoza", "uma loja de presentes em Salvador"),
    "other": ("um negócio de limpezas em Lisboa", "a window cleaning business", "un negocio de limpiezas", "uma empresa de limpeza em Fortaleza"),
}


def test_every_kind_has_a_description() -> None:
    assert set(DESCRIPTIONS) == set(BUSINESS_KINDS)


@pytest.mark.parametrize("kind", BUSINESS_KINDS)
@pytest.mark.parametrize("index", range(4))
async def test_every_kind_in_every_language_makes_a_valid_site(kind: str, index: int) -> None:
    language = LANGUAGES[index]
    events = await collect(DESCRIPTIONS[kind][index])
    site = await create(DESCRIPTIONS[kind][index])
    assert site.language == language
    assert site.business.kind == kind
    assert 6 <= len(site.sections) <= 10
    for event in events:
        if isinstance(event, SectionGenerated):
            assert parse_section(event.section.model_dump()) == event.section
    assert isinstance(events[0], HeaderGenerated)
    assert isinstance(events[-2], Summary) and events[-2].language == language
    assert isinstance(events[-1], TokensUsed) and events[-1].completion > 0


async def test_same_description_gives_identical_events() -> None:
    text = "Uma padaria artesanal em Lisboa, com menu, horário e contacto"
    assert await collect(text) == await collect(text)


async def test_every_section_kind_is_reachable() -> None:
    seen = {kind for mix in SECTION_MIX.values() for kind in mix}
    assert seen == set(SECTION_KINDS)
    site = await create("a bakery with a gallery, pricing, a team, stats and a call to action")
    assert {"gallery", "pricing", "team", "stats", "cta"} <= {s.kind for s in site.sections}


async def test_padaria_example() -> None:
    site = await create("Uma padaria artesanal em Lisboa, com menu, horário e contacto")
    assert site.language == "pt_PT"
    assert site.business.kind == "bakery"
    assert site.business.city == "Lisboa"
    assert site.name == "Padaria Artesanal de Lisboa"
    assert site.business.email == "ola@padariaartesanaldelisboa.pt"
    assert site.business.opening_hours and site.business.opening_hours[0].days == "Seg–Sex"
    menu = next(s for s in site.sections if s.kind == "menu")
    assert menu.currency == "EUR"
    names = [item.name for category in menu.categories for item in category.items]
    assert "Pastel de nata" in names and all(item.price > 0 for c in menu.categories for item in c.items)
    contact = next(s for s in site.sections if s.kind == "contact")
    assert contact.show_hours
    assert site.sections[0].kind == "hero" and site.sections[-1].kind == "footer"


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("a bakery in Boston", "USD"),
        ("a bakery in London", "GBP"),
        ("a bakery in Lisbon", "EUR"),
        ("uma padaria em São Paulo", "BRL"),
        ("una panadería en Ciudad de México", "MXN"),
        ("una panadería en Madrid", "EUR"),
    ],
)
async def test_currency_follows_the_place(text: str, currency: str) -> None:
    site = await create(text)
    menu = next(s for s in site.sections if s.kind == "menu")
    assert menu.currency == currency


async def test_explicit_name_contacts_and_links() -> None:
    text = (
        'A café called "Blue Door" in Porto, phone +351 222 333 444, email hi@bluedoor.pt, '
        "see https://instagram.com/bluedoor and javascript:alert(1) <script>alert(1)</script>"
    )
    site = await create(text)
    assert site.name == "Blue Door"
    assert site.business.phone == "+351222333444"  # stored as E.164; shown in national format
    assert site.business.email == "hi@bluedoor.pt"
    assert [s.network for s in site.business.socials] == ["instagram"]
    assert "javascript" not in site.model_dump_json().lower()


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1) a bakery called <script>alert(1)</script>",
        'uma loja chamada "<a href=javascript:alert(1)>x</a>" data:text/html,<script>alert(1)</script>',
    ],
)
async def test_hostile_text_never_becomes_a_link(text: str) -> None:
    site = await create(text)
    for href in _hrefs(site.model_dump()):
        assert href.startswith(("http://", "https://", "mailto:", "tel:", "#"))


def _hrefs(data: object) -> list[str]:
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("href", "url", "src") and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_hrefs(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_hrefs(value))
    return found


async def test_very_long_description_stays_within_bounds() -> None:
    text = "Uma padaria chamada " + "Pão " * 40 + "em Lisboa " + "com muito amor e farinha " * 160
    assert len(text) > 4000
    site = await create(text[:4000])
    assert len(site.name) <= 80


async def test_colour_and_style_words_pick_the_theme() -> None:
    site = await create("an elegant law firm in London, navy blue")
    assert site.theme.fonts == "elegant"
    assert site.theme.palette.primary != "#3f2a56"


async def test_delay_is_awaited_between_sections() -> None:
    order: list[str] = []

    async def ticker() -> None:
        for _ in range(3):
            order.append("tick")
            await asyncio.sleep(0)

    started = time.monotonic()
    events, _ = await asyncio.gather(collect("a bakery", delay=0.01), ticker())
    sections = sum(isinstance(e, SectionGenerated) for e in events)
    assert time.monotonic() - started >= 0.01 * sections * 0.9
    assert order == ["tick"] * 3


@pytest.mark.parametrize(
    ("description", "name"),
    [
        ("A florist in Bristol with same-day delivery", "Bristol Florist"),
        ("A dog grooming salon in Austin", "Austin Dog Grooming Salon"),
        ("Um canalizador em Braga, urgências 24h", "Canalizador de Braga"),
        ("Uma escola de surf na Ericeira", "Escola de Surf da Ericeira"),  # "na" Ericeira, so "da"
        ("Um estúdio de yoga no Porto", "Estúdio de Yoga do Porto"),
        ("Un estudio de tatuajes en Valencia", "Estudio de Tatuajes Valencia"),
        ("Uma padaria artesanal em Lisboa, com menu, horário e contacto", "Padaria Artesanal de Lisboa"),
        # no usable words of their own: the kind's invented name
        ("A website for my bakery in Lisbon", "Lisbon Artisan Bakery"),
        ("a bakery with a garden terrace in Lisbon", "Lisbon Artisan Bakery"),
        ('A florist in Bristol called "Petal & Stem"', "Petal & Stem"),  # a name given wins
    ],
)
async def test_the_name_uses_the_users_own_words_for_the_business(description: str, name: str) -> None:
    header = next(e for e in await collect(description) if isinstance(e, HeaderGenerated)).header
    assert header.name == name


@pytest.mark.parametrize(
    "description", ["A dog grooming salon in Austin", "Banho e tosquia para cães em Lisboa", "Peluquería canina en Madrid"]
)
async def test_pet_grooming_does_not_get_hair_salon_copy(description: str) -> None:
    header = next(e for e in await collect(description) if isinstance(e, HeaderGenerated)).header
    assert header.business.kind == "other"
