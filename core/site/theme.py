"""Theme tokens: the few decisions that give a site its look."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_serializer

from core.site.values import HexColor, SpecModel

FontPairing = Literal["modern", "classic", "humanist", "geometric", "mono", "elegant"]
FONT_PAIRINGS: tuple[FontPairing, ...] = (
    "modern",
    "classic",
    "humanist",
    "geometric",
    "mono",
    "elegant",
)


class Palette(SpecModel):
    """Colours in hex; the renderer derives tints and checks contrast from these."""

    primary: HexColor
    accent: HexColor
    background: HexColor
    surface: HexColor
    text: HexColor
    muted: HexColor


Step = Annotated[int, Field(ge=-2, le=3)]
Density = Literal["compact", "cosy", "airy"]
DENSITIES: tuple[Density, ...] = ("compact", "cosy", "airy")
# Section kinds by name (core.site.sections imports nothing from here; a Literal keeps the schema closed).
HeadingOf = Literal[
    "hero", "about", "features", "services", "menu", "pricing", "gallery",
    "testimonials", "team", "faq", "contact", "cta", "stats", "footer",
]


class SectionHeading(SpecModel):
    """One section's heading size, as a step on the scale."""

    section: HeadingOf
    step: Step


class Typography(SpecModel):
    """The type scale and spacing a site asks for: "bigger title", "smaller text", "more space".

    Steps are relative to the design's own scale (0); each step is about an eighth larger for
    text and a sixth for headings. ``section_headings`` sizes one section's heading alone.
    """

    body: Step = 0
    headings: Step = 0
    section_headings: Annotated[tuple[SectionHeading, ...], Field(max_length=14)] = ()

    @field_serializer("section_headings")
    def _as_list(self, value: tuple[SectionHeading, ...]) -> list[SectionHeading]:
        # Kept as a tuple so a theme stays hashable (the stylesheet cache); a list in JSON and dumps.
        return list(value)

    def heading_step(self, section: str) -> int:
        return next((h.step for h in self.section_headings if h.section == section), 0)
    density: Density = "cosy"


class Theme(SpecModel):
    """Palette, light/dark mode, font pairing (system stacks only), radius, type scale and density."""

    palette: Palette
    mode: Literal["light", "dark"] = "light"
    fonts: FontPairing = "modern"
    radius: Annotated[int, Field(ge=0, le=32)] = 12
    typography: Typography = Typography()
