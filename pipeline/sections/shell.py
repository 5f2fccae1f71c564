"""The frame every content section shares: landmark, anchor, heading, intro.

Keeping it in one place is what makes ids unique, headings ordered and the
rhythm of the page consistent whatever order the sections come in.
"""

from __future__ import annotations

from core.site.values import Link
from pipeline.ast import Child, Element, h
from pipeline.context import RenderContext


def section(ctx: RenderContext, kind: str, heading: str, *body: Child, intro: str = "") -> Element:
    """``<section>`` labelled by its ``<h2>``; an empty heading falls back to ``label``."""
    head = h(
        "div",
        {"class": "sec-head"},
        h("h2", {"id": ctx.heading_id}, heading),
        intro and h("p", {"class": "lead"}, intro),
    )
    return h(
        "section",
        {"id": ctx.anchor, "class": f"sec sec-{kind} {ctx.tone}", "aria-labelledby": ctx.heading_id},
        h("div", {"class": "wrap"}, head, *body),
    )


def unlabelled_section(ctx: RenderContext, kind: str, label: str, *body: Child) -> Element:
    """A section without a visible heading, named for assistive technology instead."""
    return h(
        "section",
        {"id": ctx.anchor, "class": f"sec sec-{kind} {ctx.tone}", "aria-label": label},
        h("div", {"class": "wrap"}, *body),
    )


def grid(items: list[Element], extra: str = "") -> Element:
    """A card grid; its class says how many cards, so rows stay full (4 -> 2x2 or 4x1, never 3+1)."""
    count = len(items)
    shape = " g1" if count == 1 else " g4" if count in (4, 8) else ""
    return h("ul", {"class": f"grid{shape}{' ' + extra if extra else ''}"}, items)


def button(link: Link, variant: str = "primary") -> Element:
    return h("a", {"class": f"btn btn-{variant}", "href": link.href}, link.label)


def price_tag(ctx: RenderContext, amount: float, currency: str, *, cents: bool = True) -> Element:
    """A price as ``<data>``: the machine value beside the localized text."""
    return h("data", {"class": "price", "value": f"{amount:.2f}"}, ctx.price(amount, currency, cents=cents))
