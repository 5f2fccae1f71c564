"""Building sections from copy: one function per section kind, all driven by a ``Voice``.

A ``Voice`` is what every builder needs to write for one site: its kind,
language, name, currency and which sections the page has (buttons point at
sections that exist). Builders never read the user's raw text.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from core.llm.offline.copy import kind_copy, language_copy
from core.llm.offline.copy.model import Course, KindCopy, LanguageCopy, Svc, Tier
from core.llm.offline.items import PricedItem
from core.llm.offline.neutral import Words, neutral_for
from core.llm.offline.textfit import fit
from core.site.business import BusinessKind
from core.site.sections import (
    About,
    CallToAction,
    Contact,
    Faq,
    Feature,
    Features,
    Footer,
    Gallery,
    GalleryImage,
    Hero,
    Menu,
    MenuCategory,
    MenuItem,
    Plan,
    Pricing,
    Question,
    Section,
    SectionKind,
    Service,
    Services,
    Stat,
    Stats,
    Team,
    TeamMember,
    Testimonial,
    Testimonials,
)
from core.site.values import Language, Link

# Copy prices are written in the copy's own currency (euros, dollars, reais); others scale, roughly.
_RATE: dict[str, float] = {"EUR": 1.0, "USD": 1.0, "GBP": 1.0, "BRL": 5.0, "MXN": 20.0, "ARS": 1000.0}


@dataclass(frozen=True)
class Voice:
    kind: BusinessKind
    language: Language
    name: str
    currency: str
    seed: int
    present: tuple[SectionKind, ...]
    email: str = ""
    phone: str = ""
    urls: tuple[str, ...] = ()
    items: tuple[PricedItem, ...] = ()  # the user's items: the one priced section shows these alone
    items_in: SectionKind | None = None  # which section holds them (menu, services or pricing)
    neutral: bool = False  # a specialty without item copy: never the kind's written items
    headline: str = ""  # the user's own words for the business, as the hero's heading (neutral sites)
    noun: str = ""  # the user's words for the business ("family-run Thai restaurant"), for neutral copy
    city: str = ""

    @property
    def copy(self) -> KindCopy:
        # A specialty the copy was not written for gets the neutral copy: a Thai restaurant's
        # page must not talk of cod and Portuguese wine, a yoga studio's of English courses.
        if self.neutral:
            words = Words(self.name, self.noun or kind_copy(self.kind, self.language).noun, self.city,
                          tuple(i.name for i in self.items))
            return neutral_for(self.language, words)
        return kind_copy(self.kind, self.language)

    @property
    def common(self) -> LanguageCopy:
        return language_copy(self.language)

    def heading(self, kind: SectionKind) -> str:
        return self.copy.headings.get(kind) or self.common.headings[kind]

    def intro(self, kind: SectionKind) -> str:
        return self.copy.intros.get(kind) or self.common.intros.get(kind, "")

    def rng(self, salt: str) -> random.Random:
        return random.Random(f"{self.seed}:{salt}")

    def price(self, value: float) -> float:
        rate = _RATE.get(self.currency, 1.0) / _RATE.get(self.common.currency, 1.0)
        scaled = value * rate
        return float(round(scaled)) if rate >= 20 else round(scaled, 2)

    def anchor(self, *targets: SectionKind) -> str:
        """A link to the first of ``targets`` the page has, else to the contact details."""
        for target in targets:
            if target in self.present:
                return f"#{target}"
        if "contact" in self.present:
            return "#contact"
        if self.email:
            return f"mailto:{self.email}"
        return "#" + (self.present[0] if self.present else "hero")

    def person(self, rng: random.Random, short: bool) -> str:
        first = rng.choice(self.common.first_names)
        last = rng.choice(self.common.last_names)
        return f"{first} {last[0]}." if short else f"{first} {last}"


def hero(v: Voice) -> Section:
    heading, sub = v.copy.hero
    heading = v.headline or heading
    secondary = (
        Link(label=fit(v.common.headings["contact"], 40), href="#contact") if "contact" in v.present else None
    )
    primary = Link(
        label=fit(v.copy.action, 40),
        href=v.anchor("menu", "services", "pricing", "gallery", "features", "about"),
    )
    return Hero(
        heading=fit(heading, 120),
        subheading=fit(sub, 300),
        primary_action=primary,
        secondary_action=secondary,
    )


def about(v: Voice) -> Section:
    heading, paragraphs, highlights = v.copy.about
    return About(heading=fit(heading, 120), paragraphs=list(paragraphs), highlights=list(highlights))


def features(v: Voice) -> Section:
    items = v.copy.features or v.common.features
    return Features(
        heading=v.heading("features"),
        intro=v.intro("features"),
        items=[Feature(title=f.title, text=f.text, icon=f.icon) for f in items],
    )


def _own(v: Voice, kind: SectionKind) -> bool:
    return bool(v.items) and v.items_in == kind


def _item_price(item: PricedItem) -> float:
    return float(item.price)  # exactly as written: Decimal("1.5") -> 1.5, never rounded


def services(v: Voice) -> Section:
    if _own(v, "services"):
        return Services(
            heading=v.heading("services"),
            intro=v.intro("services"),
            currency=v.currency,
            items=[Service(name=fit(i.name, 80), price=_item_price(i)) for i in v.items[:16]],
        )
    items: tuple[Svc, ...] = v.common.services if v.neutral else (v.copy.services or v.common.services)
    return Services(
        heading=v.heading("services"),
        intro=v.intro("services"),
        currency=v.currency,
        items=[
            Service(
                name=s.name,
                description=s.description,
                price=None if s.price is None else v.price(s.price),
                duration=s.duration,
            )
            for s in items
        ],
    )


def menu(v: Voice) -> Section:
    if _own(v, "menu"):
        return Menu(
            heading=v.heading("menu"),
            intro=v.intro("menu"),
            currency=v.currency,
            categories=[
                MenuCategory(
                    name=fit(v.heading("menu"), 80),
                    items=[MenuItem(name=fit(i.name, 80), price=_item_price(i)) for i in v.items[:20]],
                )
            ],
        )
    courses: tuple[Course, ...] = v.common.menu if v.neutral else (v.copy.menu or v.common.menu)
    return Menu(
        heading=v.heading("menu"),
        intro=v.intro("menu"),
        currency=v.currency,
        categories=[
            MenuCategory(
                name=c.name,
                items=[
                    MenuItem(
                        name=d.name, description=d.description, price=v.price(d.price), tags=list(d.tags)
                    )
                    for d in c.dishes
                ],
            )
            for c in courses
        ],
    )


def pricing(v: Voice) -> Section:
    action = Link(label=fit(v.copy.cta[2], 40), href=v.anchor("contact"))
    if _own(v, "pricing"):
        return Pricing(
            heading=v.heading("pricing"),
            intro=v.intro("pricing"),
            currency=v.currency,
            plans=[Plan(name=fit(i.name, 80), price=_item_price(i), action=action) for i in v.items[:4]],
        )
    tiers: tuple[Tier, ...] = v.copy.plans or _tiers_from_prices(v)
    return Pricing(
        heading=v.heading("pricing"),
        intro=v.intro("pricing"),
        currency=v.currency,
        plans=[
            Plan(
                name=t.name,
                price=v.price(t.price),
                period=t.period,
                description=t.description,
                features=list(t.features),
                highlighted=t.highlighted,
                action=action,
            )
            for t in tiers
        ],
    )


def _tiers_from_prices(v: Voice) -> tuple[Tier, ...]:
    """A kind without written plans ("a salon, with prices") prices its own services or dishes,
    never a table of software plans; the generic plans are the last resort."""
    priced = [Tier(s.name, s.price, "", s.description, ()) for s in v.copy.services if s.price is not None]
    priced += [Tier(d.name, d.price, "", d.description, ()) for c in v.copy.menu for d in c.dishes]
    return tuple(priced[:4]) or v.common.plans


def gallery(v: Voice) -> Section:
    pics = v.copy.gallery or v.common.gallery
    return Gallery(
        heading=v.heading("gallery"),
        intro=v.intro("gallery"),
        images=[GalleryImage(alt=p.alt, caption=p.caption) for p in pics],
    )


def testimonials(v: Voice) -> Section:
    rng = v.rng("testimonials")
    quotes = v.copy.testimonials or v.common.testimonials
    return Testimonials(
        heading=v.heading("testimonials"),
        items=[Testimonial(quote=q.quote, author=v.person(rng, True), role=q.role) for q in quotes],
    )


def team(v: Voice) -> Section:
    rng = v.rng("team")
    people = v.copy.team or v.common.team
    return Team(
        heading=v.heading("team"),
        intro=v.intro("team"),
        members=[TeamMember(name=v.person(rng, False), role=p.role, bio=p.bio) for p in people],
    )


def faq(v: Voice) -> Section:
    items = v.copy.faq or v.common.faq
    return Faq(
        heading=v.heading("faq"), items=[Question(question=q.question, answer=q.answer) for q in items]
    )


def contact(v: Voice) -> Section:
    action = None
    if v.email:
        action = Link(label=fit(v.common.contact_action, 40), href=f"mailto:{v.email}")
    return Contact(heading=v.heading("contact"), intro=v.intro("contact"), show_hours=True, action=action)


def cta(v: Voice) -> Section:
    heading, text, label = v.copy.cta
    return CallToAction(
        heading=fit(heading, 120),
        text=fit(text, 300),
        action=Link(label=fit(label, 40), href=v.anchor("contact")),
    )


def stats(v: Voice) -> Section:
    figures = v.copy.stats or v.common.stats
    return Stats(heading=v.heading("stats"), items=[Stat(value=f.value, label=f.label) for f in figures[:6]])


def footer(v: Voice) -> Section:
    links = [
        Link(label=fit(label, 40), href=f"#{kind}")
        for kind, label in v.common.footer_links.items()
        if kind in v.present
    ]
    for url in v.urls:
        host = url.split("://", 1)[-1].split("/")[0].removeprefix("www.")
        links.append(Link(label=fit(host, 40), href=url))
    return Footer(text=fit(v.common.footer.format(name=v.name), 300), links=links[:8])


BUILDERS: dict[SectionKind, Callable[[Voice], Section]] = {
    "hero": hero,
    "about": about,
    "features": features,
    "services": services,
    "menu": menu,
    "pricing": pricing,
    "gallery": gallery,
    "testimonials": testimonials,
    "team": team,
    "faq": faq,
    "contact": contact,
    "cta": cta,
    "stats": stats,
    "footer": footer,
}


def build_section(kind: SectionKind, voice: Voice) -> Section:
    return BUILDERS[kind](voice)
