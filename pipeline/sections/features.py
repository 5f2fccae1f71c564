"""Features: a grid of icon cards."""

from __future__ import annotations

from core.site.sections import Features
from pipeline.ast import Node, h
from pipeline.context import RenderContext
from pipeline.icons import icon
from pipeline.sections.shell import grid
from pipeline.sections.shell import section as frame


def build(section: Features, ctx: RenderContext) -> Node:
    cards = [
        h(
            "li",
            {"class": "card"},
            h("span", {"class": "badge-icon"}, icon(item.icon)),
            h("h3", None, item.title),
            item.text and h("p", None, item.text),
        )
        for item in section.items
    ]
    return frame(ctx, "features", section.heading, grid(cards), intro=section.intro)
