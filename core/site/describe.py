"""Short descriptions of a section for chat progress lines ("Menu: Our bakes — 3 categories")."""

from __future__ import annotations

from core.site.sections import Section


def section_heading(section: Section) -> str:
    heading = getattr(section, "heading", "") or ""
    if heading:
        return str(heading)
    if section.kind == "footer":
        return section.text or "—"
    return "—"


def section_summary(section: Section, limit: int = 90) -> str:
    """A one-line taste of the section's content, in the site's own words."""
    parts: list[str] = []
    kind = section.kind
    if kind == "hero":
        parts = [section.subheading]
    elif kind == "about":
        parts = [section.paragraphs[0]]
    elif kind in ("features",):
        parts = [item.title for item in section.items]
    elif kind == "services":
        parts = [item.name for item in section.items]
    elif kind == "menu":
        parts = [f"{c.name} ({len(c.items)})" for c in section.categories]
    elif kind == "pricing":
        parts = [p.name for p in section.plans]
    elif kind == "gallery":
        parts = [i.caption or i.alt for i in section.images]
    elif kind == "testimonials":
        parts = [t.author for t in section.items]
    elif kind == "team":
        parts = [m.name for m in section.members]
    elif kind == "faq":
        parts = [q.question for q in section.items]
    elif kind == "contact":
        parts = [section.intro]
    elif kind == "cta":
        parts = [section.action.label]
    elif kind == "stats":
        parts = [f"{s.value} {s.label}" for s in section.items]
    elif kind == "footer":
        parts = [link.label for link in section.links]
    text = " · ".join(p for p in parts if p)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
