"""Menu: categories of dishes with prices aligned in a column."""

from __future__ import annotations

from core.site.sections import Menu, MenuItem
from pipeline.ast import Element, Node, h
from pipeline.context import RenderContext
from pipeline.picture import picture
from pipeline.sections.shell import price_tag
from pipeline.sections.shell import section as frame


def _item(item: MenuItem, currency: str, ctx: RenderContext) -> Element:
    photo = ctx.asset(item.image)
    return h(
        "li",
        {"class": "dish"},
        photo and picture(photo, "5rem", extra="photo dish-photo"),
        h(
            "div",
            None,
            h("span", {"class": "dish-name"}, item.name),
            item.tags and h("span", {"class": "tags"}, [h("span", {"class": "tag"}, t) for t in item.tags]),
            item.description and h("p", None, item.description),
        ),
        price_tag(ctx, item.price, currency),
    )


def build(section: Menu, ctx: RenderContext) -> Node:
    categories = [
        h(
            "div",
            {"class": "menu-cat"},
            h("h3", None, category.name),
            h("ul", {"class": "dishes"}, [_item(item, section.currency, ctx) for item in category.items]),
        )
        for category in section.categories
    ]
    return frame(
        ctx, "menu", section.heading, h("div", {"class": "menu-grid"}, categories), intro=section.intro
    )
