"""The shape of the offline generator's copy: what a writer fills in per kind and language.

Copy is plain data (named tuples and frozen dataclasses) so a writer can edit a
language file without reading any generator code, and so the builders can
rely on every field being present.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from core.site.sections import Icon, SectionKind


class Feat(NamedTuple):
    title: str
    text: str
    icon: Icon = "check"


class Svc(NamedTuple):
    name: str
    description: str
    price: float | None = None
    duration: str = ""


class Dish(NamedTuple):
    name: str
    description: str
    price: float
    tags: tuple[str, ...] = ()


class Course(NamedTuple):
    name: str
    dishes: tuple[Dish, ...]


class Tier(NamedTuple):
    name: str
    price: float
    period: str
    description: str
    features: tuple[str, ...]
    highlighted: bool = False


class Pic(NamedTuple):
    alt: str
    caption: str


class Quote(NamedTuple):
    quote: str
    role: str


class Person(NamedTuple):
    role: str
    bio: str


class QA(NamedTuple):
    question: str
    answer: str


class Figure(NamedTuple):
    value: str
    label: str


@dataclass(frozen=True)
class KindCopy:
    """Everything written for one business kind in one language.

    ``name`` and ``name_in_city`` invent a name when the user gives none;
    ``name_in_city`` holds ``{city}`` (and, in Portuguese, ``{de}`` for "de/do/da").
    Empty tuples fall back to the language's generic copy.
    """

    noun: str
    name: str
    name_in_city: str
    tagline: str
    hero: tuple[str, str]
    action: str
    about: tuple[str, tuple[str, ...], tuple[str, ...]]
    features: tuple[Feat, ...]
    keywords: tuple[str, ...]
    cta: tuple[str, str, str]
    testimonials: tuple[Quote, ...]
    faq: tuple[QA, ...]
    services: tuple[Svc, ...] = ()
    menu: tuple[Course, ...] = ()
    plans: tuple[Tier, ...] = ()
    gallery: tuple[Pic, ...] = ()
    team: tuple[Person, ...] = ()
    stats: tuple[Figure, ...] = ()
    headings: dict[SectionKind, str] = field(default_factory=dict)
    intros: dict[SectionKind, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LanguageCopy:
    """Words every kind shares in one language: headings, fallbacks, people, messages."""

    headings: dict[SectionKind, str]
    intros: dict[SectionKind, str]
    contact_action: str
    footer: str  # holds {name}
    footer_links: dict[SectionKind, str]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    streets: tuple[str, ...]
    days: tuple[str, str, str, str, str, str, str]  # Monday first, short form
    every_day: str
    services: tuple[Svc, ...]  # generic, with {noun}
    plans: tuple[Tier, ...]
    gallery: tuple[Pic, ...]
    team: tuple[Person, ...]
    stats: tuple[Figure, ...]
    faq: tuple[QA, ...]
    testimonials: tuple[Quote, ...]
    menu: tuple[Course, ...]
    features: tuple[Feat, ...]
    currency: str = "EUR"  # what the copy's prices are written in (English copy: dollars, Brazilian: reais)
