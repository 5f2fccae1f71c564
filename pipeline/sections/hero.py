"""Hero: the first impression; carries the page's <h1> when it opens the page."""

from __future__ import annotations

from core.site.sections import Hero
from pipeline.ast import Node, h
from pipeline.context import RenderContext
from pipeline.illustration import hero_art
from pipeline.picture import picture
from pipeline.sections.shell import button

# One column on phones (the page's width less its gutters), beside the text from 48rem.
HERO_SIZES = "(min-width: 48rem) min(44vw, 32rem), calc(100vw - 2.5rem)"


def build(section: Hero, ctx: RenderContext) -> Node:
    actions = [
        section.primary_action and button(section.primary_action, "primary"),
        section.secondary_action and button(section.secondary_action, "ghost"),
    ]
    tagline = ctx.site.tagline if ctx.site.tagline != section.subheading else ""
    photo = ctx.asset(section.image)
    art = (
        picture(photo, HERO_SIZES, eager=ctx.page_title, extra="photo hero-photo") if photo is not None else hero_art()
    )
    return h(
        "section",
        {"id": ctx.anchor, "class": f"hero {ctx.tone}", "aria-labelledby": ctx.heading_id},
        h(
            "div",
            {"class": "wrap hero-grid"},
            h(
                "div",
                {"class": "hero-copy"},
                tagline and h("p", {"class": "eyebrow"}, tagline),
                h("h1" if ctx.page_title else "h2", {"id": ctx.heading_id}, section.heading),
                section.subheading and h("p", {"class": "lead"}, section.subheading),
                any(actions) and h("div", {"class": "actions"}, actions),
            ),
            art,
        ),
    )
