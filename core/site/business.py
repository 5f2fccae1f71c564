"""Business details and SEO metadata of a site."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from core.site.values import ImageUrl, SafeUrl, SpecModel, text

BusinessKind = Literal[
    "restaurant",
    "cafe",
    "bakery",
    "salon",
    "gym",
    "clinic",
    "law_firm",
    "accounting",
    "agency",
    "software",
    "portfolio",
    "event",
    "school",
    "shop",
    "other",
]
BUSINESS_KINDS: tuple[BusinessKind, ...] = (
    "restaurant",
    "cafe",
    "bakery",
    "salon",
    "gym",
    "clinic",
    "law_firm",
    "accounting",
    "agency",
    "software",
    "portfolio",
    "event",
    "school",
    "shop",
    "other",
)

SocialNetwork = Literal[
    "instagram", "facebook", "x", "linkedin", "youtube", "tiktok", "github", "whatsapp", "website"
]

Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=32, pattern=r"^[+0-9 ().\-/]*$")]
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=254, pattern=r"^([^\s@<>\"'`]+@[^\s@<>\"'`]+\.[^\s@<>\"'`]+)?$"),
]


class OpeningHours(SpecModel):
    """One line of opening hours, e.g. days "Mon–Fri", hours "08:00–19:00"."""

    days: Annotated[str, text(40, 1)]
    hours: Annotated[str, text(40, 1)]


class SocialLink(SpecModel):
    network: SocialNetwork
    url: SafeUrl


class Business(SpecModel):
    """Who the site is for and how to reach them."""

    kind: BusinessKind = "other"
    address: Annotated[str, text(200)] = ""
    city: Annotated[str, text(80)] = ""
    # ISO 3166 alpha-2 ("BR", "PT"): how prices, hours and phone numbers are written on the page.
    country: Annotated[str, StringConstraints(pattern=r"^([A-Z]{2})?$")] = ""
    opening_hours: Annotated[list[OpeningHours], Field(max_length=10)] = []
    phone: Phone = ""
    email: Email = ""
    socials: Annotated[list[SocialLink], Field(max_length=8)] = []


class Seo(SpecModel):
    """Search and social metadata; the title and description feed every preview card."""

    title: Annotated[str, text(70, 1)]
    description: Annotated[str, text(160, 1)]
    keywords: Annotated[list[Annotated[str, text(40, 1)]], Field(max_length=12)] = []
    social_image: ImageUrl | None = None
