"""Section kinds: the building blocks of a page.

A section is a discriminated union on ``kind``; each kind is small, bounded
and rendered by one module in ``pipeline/sections``.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from core.site.images import ImageHash
from core.site.values import (
    Currency,
    Heading,
    ImageUrl,
    Label,
    Link,
    OptionalHeading,
    Paragraph,
    Price,
    Sentence,
    ShortText,
    SpecModel,
    text,
)

Paragraphs = Annotated[list[Paragraph], Field(min_length=1, max_length=6)]
Icon = Literal[
    "star", "heart", "leaf", "clock", "shield", "bolt", "chat", "check", "map", "phone",
    "mail", "calendar", "cup", "bread", "scissors", "dumbbell", "stethoscope", "scale",
    "chart", "code", "camera", "music", "book", "bag", "sparkle", "users", "globe",
]


class Hero(SpecModel):
    kind: Literal["hero"] = "hero"
    heading: Heading
    subheading: Sentence = ""
    primary_action: Link | None = None
    secondary_action: Link | None = None
    image: ImageHash | None = None  # the cover photo, by hash in ``Site.images``


class About(SpecModel):
    kind: Literal["about"] = "about"
    heading: Heading
    paragraphs: Paragraphs
    highlights: Annotated[list[ShortText], Field(max_length=6)] = []
    image: ImageHash | None = None


class Feature(SpecModel):
    title: ShortText
    text: Sentence
    icon: Icon = "check"


class Features(SpecModel):
    kind: Literal["features"] = "features"
    heading: Heading
    intro: Sentence = ""
    items: Annotated[list[Feature], Field(min_length=1, max_length=12)]


class Service(SpecModel):
    name: ShortText
    description: Sentence = ""
    price: Price | None = None
    price_prefix: Annotated[str, text(20)] = ""
    duration: Annotated[str, text(30)] = ""
    image: ImageHash | None = None


class Services(SpecModel):
    kind: Literal["services"] = "services"
    heading: Heading
    intro: Sentence = ""
    currency: Currency = "EUR"
    items: Annotated[list[Service], Field(min_length=1, max_length=16)]


class MenuItem(SpecModel):
    name: ShortText
    description: Sentence = ""
    price: Price
    tags: Annotated[list[Label], Field(max_length=4)] = []
    image: ImageHash | None = None


class MenuCategory(SpecModel):
    name: ShortText
    items: Annotated[list[MenuItem], Field(min_length=1, max_length=20)]


class Menu(SpecModel):
    kind: Literal["menu"] = "menu"
    heading: Heading
    intro: Sentence = ""
    currency: Currency = "EUR"
    categories: Annotated[list[MenuCategory], Field(min_length=1, max_length=8)]


class Plan(SpecModel):
    name: ShortText
    price: Price
    period: Annotated[str, text(20)] = ""
    description: Sentence = ""
    features: Annotated[list[Annotated[str, text(120, 1)]], Field(max_length=10)] = []
    highlighted: bool = False
    action: Link | None = None


class Pricing(SpecModel):
    kind: Literal["pricing"] = "pricing"
    heading: Heading
    intro: Sentence = ""
    currency: Currency = "EUR"
    plans: Annotated[list[Plan], Field(min_length=1, max_length=4)]


class GalleryImage(SpecModel):
    """An image: one of the owner's photos (``image``), a remote ``src``, or neither, and the
    renderer draws an illustration from the palette. With ``image`` the asset's alt text wins."""

    alt: Annotated[str, text(160, 1)]
    caption: Annotated[str, text(120)] = ""
    src: ImageUrl | None = None
    image: ImageHash | None = None


class Gallery(SpecModel):
    kind: Literal["gallery"] = "gallery"
    heading: Heading
    intro: Sentence = ""
    images: Annotated[list[GalleryImage], Field(min_length=1, max_length=12)]


class Testimonial(SpecModel):
    quote: Annotated[str, text(400, 1)]
    author: ShortText
    role: Annotated[str, text(80)] = ""


class Testimonials(SpecModel):
    kind: Literal["testimonials"] = "testimonials"
    heading: Heading
    items: Annotated[list[Testimonial], Field(min_length=1, max_length=8)]


class TeamMember(SpecModel):
    name: ShortText
    role: Annotated[str, text(80)] = ""
    bio: Sentence = ""
    photo: ImageHash | None = None


class Team(SpecModel):
    kind: Literal["team"] = "team"
    heading: Heading
    intro: Sentence = ""
    members: Annotated[list[TeamMember], Field(min_length=1, max_length=12)]


class Question(SpecModel):
    question: Annotated[str, text(200, 1)]
    answer: Annotated[str, text(800, 1)]


class Faq(SpecModel):
    kind: Literal["faq"] = "faq"
    heading: Heading
    items: Annotated[list[Question], Field(min_length=1, max_length=16)]


class Contact(SpecModel):
    """Contact details come from the site's business block; this adds the framing."""

    kind: Literal["contact"] = "contact"
    heading: Heading
    intro: Sentence = ""
    show_hours: bool = True
    action: Link | None = None


class CallToAction(SpecModel):
    kind: Literal["cta"] = "cta"
    heading: Heading
    text: Sentence = ""
    action: Link


class Stat(SpecModel):
    value: Annotated[str, text(16, 1)]
    label: Annotated[str, text(60, 1)]


class Stats(SpecModel):
    kind: Literal["stats"] = "stats"
    heading: OptionalHeading = ""
    items: Annotated[list[Stat], Field(min_length=1, max_length=6)]


class Footer(SpecModel):
    kind: Literal["footer"] = "footer"
    text: Sentence = ""
    links: Annotated[list[Link], Field(max_length=8)] = []


Section = Annotated[
    Union[
        Hero,
        About,
        Features,
        Services,
        Menu,
        Pricing,
        Gallery,
        Testimonials,
        Team,
        Faq,
        Contact,
        CallToAction,
        Stats,
        Footer,
    ],
    Field(discriminator="kind"),
]

SectionKind = Literal[
    "hero", "about", "features", "services", "menu", "pricing", "gallery",
    "testimonials", "team", "faq", "contact", "cta", "stats", "footer",
]
SECTION_KINDS: tuple[SectionKind, ...] = (
    "hero", "about", "features", "services", "menu", "pricing", "gallery",
    "testimonials", "team", "faq", "contact", "cta", "stats", "footer",
)
