"""Neutral copy for a specialty without written copy, built around the user's own words.

A Thai restaurant gets no cod and no "Real food, cooked with time" shared with every other
restaurant: its sentences say its name, its city and its items (copy/neutral.json, data), so
two such sites never read the same. A sentence whose words the user did not give is left out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from core.llm.offline.copy import kind_copy
from core.llm.offline.copy.model import QA, Feat, KindCopy, Quote
from core.llm.offline.places import in_city
from core.site.values import Language

_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Words:
    """What the user said that neutral copy is written around."""

    name: str
    noun: str
    city: str
    items: tuple[str, ...]


@cache
def _templates() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((Path(__file__).parent / "copy" / "neutral.json").read_text(encoding="utf-8"))
    return data


def _values(words: Words, language: Language) -> dict[str, str]:
    noun = words.noun.lower() if words.noun[:1].isupper() and not words.noun.isupper() else words.noun
    article = "an" if noun[:1].lower() in "aeiou" else "a"
    listed = list(words.items[:3])
    joiner = {"en": " and ", "es": " y "}.get(language, " e ")
    items = ", ".join(listed[:-1]) + joiner + listed[-1] if len(listed) > 1 else "".join(listed)
    return {
        "name": words.name, "noun": noun, "a_noun": f"{article} {noun}" if noun else "", "city": words.city,
        "in_city": in_city(language, words.city) if words.city else "", "items": items,
        "item": words.items[0] if words.items else "",
    }


def _fill(template: str, values: dict[str, str]) -> str | None:
    if any(not values.get(field) for field in _FIELD.findall(template)):
        return None
    text = template.format(**values)
    return text[:1].upper() + text[1:]


def neutral_copy(kind_of: KindCopy, words: Words, language: Language) -> KindCopy:
    """``kind_of`` (the neutral kind's copy) with every sentence rewritten around ``words``."""
    t = _templates()[language]
    v = _values(words, language)

    def filled(templates: list[str]) -> list[str]:
        return [text for text in (_fill(x, v) for x in templates) if text]

    hero_sub = next(iter(filled(t["hero_sub"])), kind_of.hero[1])
    about = filled(t["about"]) or list(kind_of.about[1])
    highlights = [h[:80] for h in filled(t["highlights"])] or list(kind_of.about[2])
    features = tuple(
        Feat(title[:80], text) for title, text in ((_fill(a, v), _fill(b, v)) for a, b in t["features"]) if title and text
    )
    quotes = tuple(Quote(q, r) for q, r in ((_fill(a, v), b) for a, b in t["testimonials"]) if q)
    faq = tuple(QA(q, a) for q, a in ((_fill(x, v), _fill(y, v)) for x, y in t["faq"]) if q and a)
    cta = filled(t["cta"])
    contact = _fill(t["contact"], v)
    listed = _fill(t["intro_items"], v)
    return replace(
        kind_of,
        hero=(kind_of.hero[0], hero_sub[:300]),
        about=(kind_of.about[0], tuple(about), tuple(highlights[:6])),
        features=features or kind_of.features,
        testimonials=quotes or kind_of.testimonials,
        faq=faq or kind_of.faq,
        cta=(cta[0], cta[1], kind_of.cta[2]) if len(cta) > 1 else kind_of.cta,
        intros={
            **kind_of.intros,
            **({"contact": contact} if contact else {}),
            **({kind: listed for kind in ("menu", "services", "pricing")} if listed else {}),
        },
    )


def neutral_for(language: Language, words: Words) -> KindCopy:
    return neutral_copy(kind_copy("other", language), words, language)
