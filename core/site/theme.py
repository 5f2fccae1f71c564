"""Theme tokens: the few decisions that give a site its look."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

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


class Theme(SpecModel):
    """Palette, light/dark mode, font pairing (system stacks only) and radius."""

    palette: Palette
    mode: Literal["light", "dark"] = "light"
    fonts: FontPairing = "modern"
    radius: Annotated[int, Field(ge=0, le=32)] = 12
