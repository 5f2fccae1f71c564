"""How much page a site's sections make: the limit that keeps every valid site under 40 KB.

Each field has its own length limit, but twenty sections at their limits made pages of
3.5 MB that took 300 ms to render. Rather than cut every field to a twentieth, a site has a
budget for its sections as a whole: every text costs its bytes once written into HTML
(``&`` is five bytes, ``é`` two), every entry of a list costs the markup around it, and
every section the markup and styles of its kind. The costs are upper bounds measured on the
renderer; ``tests/core/site/test_weight.py`` renders the heaviest sites the budget allows and
checks they stay under 40 KB of HTML + CSS and 5 ms.
"""

from __future__ import annotations

import html
from typing import Any

# The page's budget: 40,000 bytes less a margin. The skeleton (head, base styles, header and
# footer with one-character texts) takes 11.9 KB; the header's texts what ``header_weight`` says;
# the sections the rest.
PAGE_BUDGET = 39_000
SKELETON_BYTES = 11_900
# The header's texts appear several times over: the name in the title, the header, the footer,
# social cards and structured data; the description in three metadata fields.
HEADER_FACTORS: dict[str, float] = {"name": 5, "tagline": 1, "seo.title": 3, "seo.description": 4}

# What a section of each kind costs before its text: its wrapper, its styles and, for the
# contact section, the business's details it repeats (measured, plus about 15%).
SECTION_BYTES: dict[str, int] = {
    "hero": 1_050, "about": 480, "features": 590, "services": 520, "menu": 580, "pricing": 730,
    "gallery": 450, "testimonials": 480, "team": 420, "faq": 350, "contact": 400, "cta": 190,
    "stats": 210, "footer": 80,
}
# What each entry of a list costs before its text, by the list's place in its section
# (a gallery entry without a photo or address is drawn, which is the dearest).
LIST_BYTES: dict[str, int] = {
    "about.paragraphs": 10, "about.highlights": 145, "features.items": 275, "services.items": 210,
    "menu.categories": 285, "menu.categories.items": 215, "menu.categories.items.tags": 30,
    "pricing.plans": 420, "pricing.plans.features": 145, "gallery.images": 130, "testimonials.items": 175,
    "team.members": 130, "faq.items": 85, "stats.items": 35, "footer.links": 30,
    "business.opening_hours": 60, "business.socials": 80, "seo.keywords": 40,
}
# The contact section repeats the business's details: its address, hours, phone and links.
CONTACT_BUSINESS_FACTOR = 1.5
DEFAULT_LIST_BYTES = 300
# A photo of the site's own, shown as a <picture> with its sizes and formats and its alt text;
# a gallery entry without a photo or an address is drawn instead, which costs more markup.
IMAGE_BYTES = 1_000
DRAWN_BYTES = 600
IMAGE_KEYS = frozenset({"image", "photo"})


def text_bytes(value: str) -> int:
    """The bytes ``value`` takes in the page: escaped for HTML, in UTF-8."""
    return len(html.escape(value).encode("utf-8"))


def section_weight(kind: str, data: dict[str, Any], business: dict[str, Any] | None = None) -> int:
    """The most bytes a section, given as its JSON data, adds to the page (``business``: the site's)."""
    weight = SECTION_BYTES.get(kind, 1_000) + _weigh(data, kind)
    if kind == "contact" and business:
        weight += round(CONTACT_BUSINESS_FACTOR * _weigh(business, "business"))
    return weight


def _weigh(value: object, path: str) -> int:
    if isinstance(value, str):
        return text_bytes(value)
    if isinstance(value, dict):
        total = 0
        for key, item in value.items():
            if key == "kind":
                continue
            if key in IMAGE_KEYS and isinstance(item, str):
                total += IMAGE_BYTES
            else:
                total += _weigh(item, f"{path}.{key}")
        return total
    if isinstance(value, (list, tuple)):
        entry = LIST_BYTES.get(path, DEFAULT_LIST_BYTES)
        total = sum(entry + _weigh(item, path) for item in value)
        if path == "gallery.images":
            total += DRAWN_BYTES * sum(1 for item in value if isinstance(item, dict) and not (item.get("image") or item.get("src")))
        return total
    return 0


def header_weight(header: dict[str, Any]) -> int:
    """What the header's texts (name, tagline, SEO, business) add to the skeleton, at most."""
    total = 0.0
    for name in ("name", "tagline"):
        value = header.get(name)
        total += HEADER_FACTORS[name] * text_bytes(value) if isinstance(value, str) else 0
    found = header.get("seo")
    seo: dict[str, Any] = found if isinstance(found, dict) else {}
    for name in ("title", "description"):
        value = seo.get(name)
        total += HEADER_FACTORS[f"seo.{name}"] * text_bytes(value) if isinstance(value, str) else 0
    total += _weigh(seo.get("keywords") or [], "seo.keywords")
    business = header.get("business")
    total += _weigh(business, "business") if isinstance(business, dict) else 0
    return int(total + 0.5)


def sections_budget(header: dict[str, Any]) -> int:
    """What the sections of a site with this header may cost."""
    return PAGE_BUDGET - SKELETON_BYTES - header_weight(header)


def sections_weight(sections: list[dict[str, Any]], business: dict[str, Any] | None = None) -> int:
    return sum(section_weight(str(s.get("kind", "")), s, business) for s in sections)
