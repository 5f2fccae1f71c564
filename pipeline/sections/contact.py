"""Contact: the business's address, phone, email and opening hours."""

from __future__ import annotations

from urllib.parse import quote

from core.i18n.phones import dialable, display
from core.site.business import Business
from core.site.sections import Contact
from pipeline.ast import Child, Element, Node, h
from pipeline.context import RenderContext
from pipeline.icons import icon
from pipeline.sections.shell import button
from pipeline.sections.shell import section as frame


def tel_href(phone: str) -> str:
    """``tel:`` wants the E.164 number (RFC 3966 global number), or at least the dialable digits."""
    return "tel:" + dialable(phone)


def place_line(business: Business) -> str:
    """Address and city, without repeating a city the address already ends with."""
    address, city = business.address, business.city
    if city and address.casefold().rstrip(" .").endswith(city.casefold()):
        city = ""
    return ", ".join(part for part in (address, city) if part)


def map_href(business: Business) -> str:
    return "https://www.openstreetmap.org/search?query=" + quote(place_line(business))


def _details(business: Business, ctx: RenderContext) -> Element | None:
    words = ctx.words
    rows: list[Child] = []
    place = place_line(business)
    if place:
        rows.append(
            h(
                "div",
                None,
                h("dt", None, icon("map"), words.address),
                h("dd", None, place, h("br"), h("a", {"href": map_href(business)}, words.directions)),
            )
        )
    if business.phone:
        rows.append(
            h(
                "div",
                None,
                h("dt", None, icon("phone"), words.phone),
                h("dd", None, h("a", {"href": tel_href(business.phone)}, display(business.phone, business.country))),
            )
        )
    if business.email:
        rows.append(
            h(
                "div",
                None,
                h("dt", None, icon("mail"), words.email),
                h("dd", None, h("a", {"href": "mailto:" + business.email}, business.email)),
            )
        )
    return h("address", None, h("dl", {"class": "contact-list"}, rows)) if rows else None


SHORT_HOURS = 24  # characters that fit beside the day names on the narrowest phone


def _hours(business: Business, ctx: RenderContext) -> Element | None:
    if not business.opening_hours:
        return None
    # "08:00–19:00" reads badly broken at the dash; only text that cannot fit at 320 px may wrap
    rows = [
        h(
            "tr",
            None,
            h("th", {"scope": "row"}, line.days),
            h("td", {"class": "nw" if len(line.hours) <= SHORT_HOURS else None}, line.hours),
        )
        for line in business.opening_hours
    ]
    return h(
        "table",
        {"class": "hours"},
        h("caption", None, icon("clock"), ctx.words.hours),
        h("tbody", None, rows),
    )


def build(section: Contact, ctx: RenderContext) -> Node:
    business = ctx.site.business
    hours = _hours(business, ctx) if section.show_hours else None
    return frame(
        ctx,
        "contact",
        section.heading,
        h("div", {"class": "card contact-card"}, _details(business, ctx), hours),
        section.action and h("p", {"class": "actions"}, button(section.action)),
        intro=section.intro,
    )
