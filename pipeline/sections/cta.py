"""Call to action: one band in the brand colour with one button."""

from __future__ import annotations

from core.site.sections import CallToAction
from pipeline.ast import Node, h
from pipeline.context import RenderContext
from pipeline.sections.shell import button


def build(section: CallToAction, ctx: RenderContext) -> Node:
    return h(
        "section",
        {"id": ctx.anchor, "class": "sec sec-cta", "aria-labelledby": ctx.heading_id},
        h(
            "div",
            {"class": "wrap band"},
            h(
                "div",
                None,
                h("h2", {"id": ctx.heading_id}, section.heading),
                section.text and h("p", None, section.text),
            ),
            button(section.action, "inverse"),
        ),
    )
