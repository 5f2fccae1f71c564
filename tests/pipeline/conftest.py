"""Spec factories and HTML helpers shared by the pipeline tests."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import pytest

from core.site.schema import parse_site
from core.site.site import Site

NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"

BASE: dict[str, Any] = {
    "name": "Padaria Lusitana",
    "language": "pt_PT",
    "tagline": "Pão de fermentação lenta desde 1962",
    "theme": {
        "palette": {
            "primary": "#9a3412",
            "accent": "#f59e0b",
            "background": "#fffbf5",
            "surface": "#f7efe4",
            "text": "#1f1a17",
            "muted": "#6b5e55",
        },
        "mode": "light",
        "fonts": "classic",
        "radius": 14,
    },
    "seo": {
        "title": "Padaria Lusitana — pão artesanal em Lisboa",
        "description": "Pão de fermentação lenta, pastelaria e café no coração de Alfama.",
        "keywords": ["padaria", "pão", "Lisboa"],
    },
    "business": {
        "kind": "bakery",
        "address": "Rua dos Remédios 12",
        "city": "Lisboa",
        "phone": "+351 21 123 4567",
        "email": "ola@padaria.pt",
        "opening_hours": [
            {"days": "Seg–Sex", "hours": "07:00–19:00"},
            {"days": "Sáb", "hours": "08:00–14:00"},
        ],
        "socials": [{"network": "instagram", "url": "https://instagram.com/padaria"}],
    },
    "sections": [
        {
            "kind": "hero",
            "heading": "O pão da sua rua, feito com tempo",
            "subheading": "Massa-mãe, farinhas portuguesas e 24 horas de fermentação.",
            "primary_action": {"label": "Ver o menu", "href": "#menu"},
            "secondary_action": {"label": "Contactos", "href": "#contact"},
        },
        {
            "kind": "about",
            "heading": "Uma padaria de bairro",
            "paragraphs": ["Abrimos em 1962.", "Hoje a terceira geração continua."],
            "highlights": ["Massa-mãe própria", "Farinhas nacionais"],
        },
        {
            "kind": "features",
            "heading": "Porque nos escolhem",
            "intro": "Três razões.",
            "items": [
                {"title": "Fermentação lenta", "text": "24 horas.", "icon": "clock"},
                {"title": "Ingredientes locais", "text": "Moleiros do Alentejo.", "icon": "leaf"},
                {"title": "Forno a lenha", "text": "Crosta estaladiça.", "icon": "bread"},
            ],
        },
        {
            "kind": "services",
            "heading": "Encomendas",
            "currency": "EUR",
            "items": [
                {
                    "name": "Bolo de aniversário",
                    "description": "Por encomenda.",
                    "price": 25,
                    "price_prefix": "desde",
                },
                {"name": "Cabaz de pequeno-almoço", "price": 18.5, "duration": "48 h"},
            ],
        },
        {
            "kind": "menu",
            "heading": "Menu",
            "currency": "EUR",
            "categories": [
                {
                    "name": "Pão",
                    "items": [
                        {"name": "Pão de centeio", "description": "800 g", "price": 4.2, "tags": ["vegan"]},
                        {"name": "Broa de milho", "price": 3.5},
                    ],
                },
                {"name": "Pastelaria", "items": [{"name": "Pastel de nata", "price": 1.3}]},
            ],
        },
        {
            "kind": "pricing",
            "heading": "Assinaturas de pão",
            "currency": "EUR",
            "plans": [
                {"name": "Semanal", "price": 12, "period": "semana", "features": ["2 pães"]},
                {
                    "name": "Família",
                    "price": 39.9,
                    "period": "mês",
                    "highlighted": True,
                    "features": ["4 pães por semana", "Entrega"],
                    "action": {"label": "Assinar", "href": "#contact"},
                },
            ],
        },
        {
            "kind": "gallery",
            "heading": "A nossa casa",
            "images": [
                {"alt": "Pães acabados de sair do forno", "caption": "Fornada das 7h"},
                {"alt": "Balcão da padaria", "src": "https://images.example.com/balcao.jpg"},
            ],
        },
        {
            "kind": "testimonials",
            "heading": "O que dizem",
            "items": [{"quote": "O melhor pão de Lisboa.", "author": "Marta S.", "role": "Vizinha"}],
        },
        {
            "kind": "team",
            "heading": "Quem faz o pão",
            "members": [{"name": "Joaquim Ferreira", "role": "Mestre padeiro", "bio": "Desde 1985."}],
        },
        {
            "kind": "faq",
            "heading": "Perguntas frequentes",
            "items": [{"question": "Têm pão sem glúten?", "answer": "Às sextas-feiras."}],
        },
        {
            "kind": "stats",
            "items": [{"value": "62", "label": "anos"}, {"value": "1200", "label": "pães por dia"}],
        },
        {
            "kind": "cta",
            "heading": "Encomende para amanhã",
            "text": "Até às 18h.",
            "action": {"label": "Ligar", "href": "tel:+351211234567"},
        },
        {"kind": "contact", "heading": "Visite-nos", "intro": "Estamos em Alfama."},
        {
            "kind": "footer",
            "text": "Feito com farinha e paciência.",
            "links": [{"label": "Menu", "href": "#menu"}],
        },
    ],
}


def site_data(**overrides: Any) -> dict[str, Any]:
    """A deep copy of the full sample (all 14 kinds), with top-level keys replaced."""
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(overrides))
    return data


def make_site(**overrides: Any) -> Site:
    return parse_site(site_data(**overrides))


def map_strings(value: Any, fn: Callable[[str, str], str], key: str = "") -> Any:
    """Apply ``fn(key, text)`` to every string in a spec, recursively."""
    if isinstance(value, dict):
        return {k: map_strings(v, fn, k) for k, v in value.items()}
    if isinstance(value, list):
        return [map_strings(v, fn, key) for v in value]
    if isinstance(value, str):
        return fn(key, value)
    return value


def parse_html(markup: str) -> Element:
    return html5lib.parse(markup)  # type: ignore[no-any-return]


def iter_tag(root: Element, tag: str) -> Iterator[Element]:
    return root.iter(NS + tag)


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@pytest.fixture
def site() -> Site:
    return make_site()
