"""Stats: a few big numbers, as a description list (label = term, number = value)."""

from __future__ import annotations

from core.site.sections import Stats
from pipeline.ast import Node, h
from pipeline.context import RenderContext
from pipeline.sections.shell import section as frame
from pipeline.sections.shell import unlabelled_section


def build(section: Stats, ctx: RenderContext) -> Node:
    figures = h(
        "dl",
        {"class": "stats"},
        [h("div", None, h("dt", None, item.label), h("dd", None, item.value)) for item in section.items],
    )
    if section.heading:
        return frame(ctx, "stats", section.heading, figures)
    return unlabelled_section(ctx, "stats", ctx.words.stats, figures)
