"""Services: cards with optional duration and price."""

from __future__ import annotations

from core.site.sections import Services
from pipeline.ast import Node, h
from pipeline.context import RenderContext
from pipeline.picture import picture
from pipeline.sections.shell import grid, price_tag
from pipeline.sections.shell import section as frame

CARD_SIZES = "(min-width: 48rem) 22rem, calc(100vw - 2.5rem)"


def build(section: Services, ctx: RenderContext) -> Node:
    cards = []
    for item in section.items:
        meta = [
            item.duration and h("span", {"class": "duration"}, item.duration),
            item.price is not None
            and h(
                "span",
                {"class": "cost"},
                item.price_prefix and item.price_prefix + " ",
                price_tag(ctx, item.price, section.currency, cents=False),
            ),
        ]
        cards.append(
            h(
                "li",
                {"class": "card service"},
                (photo := ctx.asset(item.image)) and picture(photo, CARD_SIZES, extra="photo thumb"),
                h("h3", None, item.name),
                item.description and h("p", None, item.description),
                any(meta) and h("p", {"class": "meta"}, meta),
            )
        )
    return frame(ctx, "services", section.heading, grid(cards), intro=section.intro)
