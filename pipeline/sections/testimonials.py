"""Testimonials: quotes as <figure>/<blockquote> cards."""

from __future__ import annotations

from core.site.sections import Testimonials
from pipeline.ast import Node, h
from pipeline.context import RenderContext
from pipeline.sections.shell import grid
from pipeline.sections.shell import section as frame


def build(section: Testimonials, ctx: RenderContext) -> Node:
    quotes = [
        h(
            "li",
            {"class": "card quote"},
            h(
                "figure",
                None,
                h("blockquote", None, h("p", None, item.quote)),
                h(
                    "figcaption",
                    None,
                    h("span", {"class": "who"}, item.author),
                    item.role and h("span", {"class": "role"}, item.role),
                ),
            ),
        )
        for item in section.items
    ]
    return frame(ctx, "testimonials", section.heading, grid(quotes))
