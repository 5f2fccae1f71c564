"""WCAG 2 contrast arithmetic on hex colours.

Every palette we generate is checked with these functions, so a user who asks
for "yellow" gets a yellow that people can still read text on.
"""

from __future__ import annotations

import colorsys

AA_TEXT = 4.5  # body text
AA_LARGE = 3.0  # large text and UI components (buttons, links against their surroundings)
WHITE = "#ffffff"
INK = "#111111"  # the dark text the renderer may put on a light primary


def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def rgb_to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """Relative luminance as WCAG defines it (sRGB, linearised)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else float(((c + 0.055) / 1.055) ** 2.4)

    r, g, b = (linear(c) for c in hex_to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """Contrast ratio between two colours, from 1 (same) to 21 (black on white)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def text_on(background: str) -> str:
    """White or ink, whichever reads better on ``background`` (e.g. a button)."""
    return WHITE if contrast(WHITE, background) >= contrast(INK, background) else INK


def hls(colour: str) -> tuple[float, float, float]:
    return colorsys.rgb_to_hls(*hex_to_rgb(colour))


def from_hls(hue: float, lightness: float, saturation: float) -> str:
    return rgb_to_hex(
        colorsys.hls_to_rgb(hue % 1.0, max(0.0, min(1.0, lightness)), max(0.0, min(1.0, saturation)))
    )


def with_lightness(colour: str, lightness: float) -> str:
    hue, _, saturation = hls(colour)
    return from_hls(hue, lightness, saturation)


def push_until(colour: str, against: tuple[str, ...], ratio: float, darker: bool) -> str:
    """Move ``colour``'s lightness (keeping its hue) until it contrasts ``ratio`` with all of ``against``.

    Lightness moves in small steps so the result stays as close as possible to
    what was asked for; at the extremes it ends at black or white.
    """
    hue, lightness, saturation = hls(colour)
    step = -0.01 if darker else 0.01
    candidate = colour
    for _ in range(101):
        if all(contrast(candidate, other) >= ratio for other in against):
            return candidate
        lightness = max(0.0, min(1.0, lightness + step))
        candidate = from_hls(hue, lightness, saturation)
    return candidate


def readable_primary(colour: str) -> bool:
    """A primary is usable for buttons when white or ink text on it reaches AA."""
    return max(contrast(WHITE, colour), contrast(INK, colour)) >= AA_TEXT
