"""About: the story in a few paragraphs, with optional highlights beside it."""

from __future__ import annotations

from core.site.sections import About
from pipeline.ast import Node, h
from pipeline.context import RenderContext
from pipeline.icons import icon
from pipeline.picture import picture
from pipeline.sections.shell import section as frame

ABOUT_SIZES = "(min-width: 48rem) 26rem, calc(100vw - 2.5rem)"


def build(section: About, ctx: RenderContext) -> Node:
    highlights = section.highlights and h(
        "ul", {"class": "checks"}, [h("li", None, icon("check"), item) for item in section.highlights]
    )
    photo = ctx.asset(section.image)
    aside = highlights or (photo and picture(photo, ABOUT_SIZES, extra="photo about-photo"))
    return frame(
        ctx,
        "about",
        section.heading,
        h(
            "div",
            {"class": "split" if aside else "prose"},
            h(
                "div",
                {"class": "prose"},
                [h("p", None, p) for p in section.paragraphs],
                highlights and photo and picture(photo, ABOUT_SIZES, extra="photo about-photo"),
            ),
            aside,
        ),
    )
