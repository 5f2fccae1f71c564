"""FAQ: <details>/<summary> disclosures, which work without any script."""

from __future__ import annotations

from core.site.sections import Faq
from pipeline.ast import Node, h
from pipeline.context import RenderContext
from pipeline.sections.shell import section as frame


def build(section: Faq, ctx: RenderContext) -> Node:
    items = [
        h(
            "details",
            None,
            h("summary", None, item.question),
            h("div", {"class": "answer"}, h("p", None, item.answer)),
        )
        for item in section.items
    ]
    return frame(ctx, "faq", section.heading, h("div", {"class": "faq"}, items))
