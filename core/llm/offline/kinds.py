"""What kind of business a description is about, and which sections such a site has.

Keywords are matched on accent-folded, lower-case text at word starts, so
"padarias", "Panadería" and "bakery's" all count. The first kind in
``_KEYWORDS`` with a match wins: specific kinds come before broad ones
("barbearia" is a salon, not a bar).
"""

from __future__ import annotations

import re

from core.site.business import BusinessKind
from core.site.presets import fold
from core.site.sections import SectionKind

_KEYWORDS: tuple[tuple[BusinessKind, tuple[str, ...]], ...] = (
    (
        # Pet grooming is no hair salon: a general services site fits it better than salon copy.
        "other",
        ("dog groom", "pet groom", "tosquia", "peluqueria canina", "peluqueria de mascotas", "grooming"),
    ),
    (
        "bakery",
        (
            "padaria",
            "bakery",
            "bakeries",
            "panaderia",
            "pastelaria",
            "pasteleria",
            "patisserie",
            "confeitaria",
            "boulangerie",
            "obrador",
        ),
    ),
    (
        "salon",
        (
            "salao",
            "salon",
            "cabeleireir",
            "peluquer",
            "barbearia",
            "barber",
            "barberia",
            "hairdress",
            "hair studio",
            "estetica",
            "beauty",
            "manicure",
            "nail",
            "spa",
        ),
    ),
    (
        "gym",
        ("ginasio", "gym", "gimnasio", "fitness", "crossfit", "academia de musculacao", "pilates", "yoga"),
    ),
    (
        "clinic",
        (
            "clinica",
            "clinic",
            "dentist",
            "medic",
            "doctor",
            "fisioterap",
            "physio",
            "consultorio",
            "veterinar",
            "saude",
            "health",
            "salud",
            "odontolog",
            "psicolog",
        ),
    ),
    (
        "law_firm",
        (
            "advogad",
            "law firm",
            "lawyer",
            "attorney",
            "abogad",
            "solicitor",
            "juridic",
            "legal",
            "despacho de abogados",
            "escritorio de advocacia",
        ),
    ),
    (
        "accounting",
        (
            "contabil",
            "accounting",
            "accountant",
            "bookkeep",
            "contador",
            "contable",
            "asesoria fiscal",
            "gestoria",
            "tax advis",
        ),
    ),
    (
        "agency",
        (
            "agencia",
            "agency",
            "marketing",
            "branding",
            "publicidade",
            "publicidad",
            "studio de design",
            "consultora digital",
        ),
    ),
    (
        "software",
        (
            "app",
            "aplicacao",
            "aplicativo",
            "aplicacion",
            "software",
            "saas",
            "startup",
            "plataforma",
            "platform",
            "api",
            "ferramenta",
            "tool",
            "herramienta",
        ),
    ),
    (
        "portfolio",
        (
            "portfolio",
            "fotograf",
            "photograph",
            "designer",
            "disenador",
            "ilustrador",
            "illustrator",
            "artista",
            "artist",
            "arquitet",
            "architect",
            "arquitect",
            "freelance",
        ),
    ),
    (
        "event",
        (
            "evento",
            "event",
            "conferenc",
            "congreso",
            "congresso",
            "casamento",
            "wedding",
            "boda",
            "festival",
            "concert",
            "concierto",
            "meetup",
            "summit",
            "workshop",
            "feira",
            "feria",
        ),
    ),
    (
        "school",
        (
            "escola",
            "school",
            "escuela",
            "curso",
            "course",
            "academia",
            "explicacoes",
            "tutoring",
            "formacao",
            "formacion",
            "idiomas",
            "language classes",
            "colegio",
            "college",
        ),
    ),
    (
        "cafe",
        ("cafe", "cafetaria", "cafeteria", "coffee", "pastry shop", "brunch", "tea room", "salao de cha"),
    ),
    (
        "restaurant",
        (
            "restaurante",
            "restaurant",
            "tasca",
            "taberna",
            "tavern",
            "bistro",
            "pizzeria",
            "pizza",
            "marisqueira",
            "churrasqueira",
            "trattoria",
            "sushi",
            "bar",
            "cervejaria",
            "cerveceria",
            "food truck",
            "comida",
            "food",
        ),
    ),
    (
        "shop",
        (
            "loja",
            "shop",
            "store",
            "tienda",
            "boutique",
            "e-commerce",
            "ecommerce",
            "mercearia",
            "florista",
            "florist",
            "livraria",
            "bookshop",
            "libreria",
        ),
    ),
)

SECTION_MIX: dict[BusinessKind, tuple[SectionKind, ...]] = {
    "restaurant": ("hero", "about", "features", "menu", "testimonials", "faq", "contact", "footer"),
    "cafe": ("hero", "about", "menu", "features", "testimonials", "contact", "footer"),
    "bakery": ("hero", "about", "features", "menu", "testimonials", "contact", "footer"),
    "salon": ("hero", "about", "services", "gallery", "testimonials", "faq", "contact", "footer"),
    "gym": ("hero", "stats", "features", "pricing", "testimonials", "faq", "cta", "contact", "footer"),
    "clinic": ("hero", "about", "services", "team", "testimonials", "faq", "contact", "footer"),
    "law_firm": ("hero", "about", "services", "team", "testimonials", "faq", "cta", "contact", "footer"),
    "accounting": (
        "hero",
        "about",
        "services",
        "features",
        "testimonials",
        "faq",
        "cta",
        "contact",
        "footer",
    ),
    "agency": ("hero", "stats", "services", "team", "testimonials", "cta", "contact", "footer"),
    "software": ("hero", "features", "stats", "pricing", "testimonials", "faq", "cta", "footer"),
    "portfolio": ("hero", "about", "gallery", "services", "testimonials", "cta", "contact", "footer"),
    "event": ("hero", "about", "features", "gallery", "faq", "cta", "contact", "footer"),
    "school": ("hero", "about", "services", "pricing", "testimonials", "faq", "contact", "footer"),
    "shop": ("hero", "about", "features", "services", "testimonials", "faq", "contact", "footer"),
    "other": ("hero", "about", "features", "services", "testimonials", "contact", "footer"),
}

# Where a section naturally sits on a page; used to place added sections.
PAGE_ORDER: dict[SectionKind, int] = {
    "hero": 0,
    "about": 1,
    "stats": 2,
    "features": 3,
    "services": 4,
    "menu": 4,
    "pricing": 5,
    "gallery": 6,
    "team": 7,
    "testimonials": 8,
    "faq": 9,
    "cta": 10,
    "contact": 11,
    "footer": 12,
}

DEFAULT_PRESET: dict[BusinessKind, str] = {
    "restaurant": "warm",
    "cafe": "nature",
    "bakery": "warm",
    "salon": "elegant",
    "gym": "bold",
    "clinic": "fresh",
    "law_firm": "elegant",
    "accounting": "corporate",
    "agency": "bold",
    "software": "corporate",
    "portfolio": "minimal",
    "event": "playful",
    "school": "fresh",
    "shop": "playful",
    "other": "fresh",
}


def _keyword(word: str) -> str:
    # Short words must be whole words ("app" is not "apple", "bar" is not "barro").
    escaped = re.escape(word)
    return escaped + r"(?:s|es)?\b" if len(word) <= 4 else escaped


_PATTERNS = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(_keyword(word) for word in words) + r")"))
    for kind, words in _KEYWORDS
)


def detect_kind(text: str) -> BusinessKind:
    """The business kind ``text`` describes; "other" when no keyword matches."""
    folded = fold(text)
    best: tuple[int, BusinessKind] | None = None
    for kind, pattern in _PATTERNS:
        match = pattern.search(folded)
        # The earliest mention wins ("a bakery with a café corner" is a bakery);
        # on a tie, the more specific kind listed first.
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best else "other"
