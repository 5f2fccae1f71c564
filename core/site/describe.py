"""Short descriptions of a section for chat progress lines ("Menu: Our bakes — Breads (4) · Cakes (3)")."""

from __future__ import annotations

from core.site.sections import (
    About,
    CallToAction,
    Contact,
    Faq,
    Features,
    Footer,
    Gallery,
    Hero,
    Menu,
    Pricing,
    Section,
    Services,
    Stats,
    Team,
    Testimonials,
)


def section_heading(section: Section) -> str:
    heading = getattr(section, "heading", "")
    if isinstance(heading, str) and heading:
        return heading
    if isinstance(section, Footer) and section.text:
        return section.text
    return "—"


def _parts(section: Section) -> list[str]:
    match section:
        case Hero():
            return [section.subheading]
        case About():
            return [section.paragraphs[0]]
        case Features():
            return [item.title for item in section.items]
        case Services():
            return [item.name for item in section.items]
        case Menu():
            return [f"{c.name} ({len(c.items)})" for c in section.categories]
        case Pricing():
            return [p.name for p in section.plans]
        case Gallery():
            return [i.caption or i.alt for i in section.images]
        case Testimonials():
            return [t.author for t in section.items]
        case Team():
            return [m.name for m in section.members]
        case Faq():
            return [q.question for q in section.items]
        case Contact():
            return [section.intro]
        case CallToAction():
            return [section.action.label]
        case Stats():
            return [f"{s.value} {s.label}" for s in section.items]
        case Footer():
            return [link.label for link in section.links]
    return []


def section_summary(section: Section, limit: int = 90) -> str:
    """A one-line taste of the section's content, in the site's own words."""
    text = " · ".join(p for p in _parts(section) if p)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
