"""Planning a new site: which sections, in which order, for a brief."""

from __future__ import annotations

from core.llm.offline.brief import Brief
from core.llm.offline.compose import Voice, build_section
from core.llm.offline.identity import build_header, headline
from core.llm.offline.kinds import PAGE_ORDER, SECTION_MIX
from core.site.sections import Section, SectionKind
from core.site.site import SiteHeader


def page_kinds(brief: Brief) -> tuple[SectionKind, ...]:
    """The kind's usual mix plus any section the user asked for, in natural page order."""
    kinds = list(SECTION_MIX[brief.kind])
    wanted = list(brief.requested) + (["contact"] if brief.wants_hours else [])
    for extra in wanted:
        if extra not in kinds:
            kinds.insert(insert_position(kinds, extra), extra)
    return tuple(kinds)


def insert_position(kinds: list[SectionKind], new: SectionKind) -> int:
    """Where ``new`` naturally goes: before the first later-ranked section, never above the hero."""
    rank = PAGE_ORDER[new]
    for i, existing in enumerate(kinds):
        if i == 0 and existing == "hero" and new != "hero":
            continue
        if PAGE_ORDER[existing] > rank:
            return i
    return len(kinds)


_PRICED: tuple[SectionKind, ...] = ("menu", "services", "pricing")


def priced_sections(brief: Brief, kinds: tuple[SectionKind, ...]) -> tuple[tuple[SectionKind, ...], SectionKind | None]:
    """Where the user's items go (the page's first priced section), and the page without the
    priced sections that could only show another business's items.

    Beside the user's items no written price list is shown; a specialty without copy keeps no
    written plans at all.
    """
    page = list(kinds)
    home = next((k for k in _PRICED if k in page), None)
    if brief.items and home is None:
        page.insert(insert_position(page, "services"), "services")
        home = "services"
    if not brief.items:
        home = None
    if brief.items or brief.specialty:
        # The user's prices are the prices: no second list of written ones beside them.
        page = [k for k in page if k not in _PRICED or k == home or (not brief.items and k != "pricing")]
    return tuple(page), home


def plan_site(brief: Brief) -> tuple[SiteHeader, list[Section]]:
    header = build_header(brief)
    kinds, items_in = priced_sections(brief, page_kinds(brief))
    voice = Voice(
        kind=brief.kind,
        language=brief.language,
        name=header.name,
        currency=brief.currency,
        seed=brief.seed,
        present=kinds,
        email=header.business.email,
        phone=header.business.phone,
        urls=brief.urls,
        items=brief.items,
        items_in=items_in,
        neutral=bool(brief.specialty),
        headline=headline(brief),
        noun=brief.noun,
        city=brief.city,
    )
    return header, [build_section(kind, voice) for kind in kinds]
