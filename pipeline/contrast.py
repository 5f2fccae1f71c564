"""WCAG 2.x contrast, and picking a foreground that meets it.

A generated palette is a suggestion; the page must stay readable whatever the
model chose, so every text/background pair the CSS uses passes through
``readable`` before it is written.
"""

from __future__ import annotations

from functools import lru_cache

from core.site import contrast as wcag

AA = 4.5
AA_UI = 3.0  # WCAG 1.4.11: user-interface components and large text
BLACK = "#000000"
WHITE = "#ffffff"


def parse_hex(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"expected #rrggbb, got {color!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


@lru_cache(maxsize=1024)
def luminance(color: str) -> float:
    """Relative luminance (0 for black, 1 for white); the arithmetic the generator's palettes use too."""
    return wcag.luminance(color)


def contrast(a: str, b: str) -> float:
    """Contrast ratio between two colours, from 1 to 21."""
    la, lb = luminance(a), luminance(b)
    hi, lo = (la, lb) if la >= lb else (lb, la)
    return (hi + 0.05) / (lo + 0.05)


def mix(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    ra, ga, ba = parse_hex(a)
    rb, gb, bb = parse_hex(b)
    return to_hex((ra + (rb - ra) * amount, ga + (gb - ga) * amount, ba + (bb - ba) * amount))


def is_dark(color: str) -> bool:
    # Contrast with white beats contrast with black below this luminance.
    return luminance(color) < 0.179


@lru_cache(maxsize=1024)
def readable(foreground: str, background: str, target: float = AA) -> str:
    """``foreground`` if it meets ``target`` on ``background``, else the nearest colour that does.

    The colour is moved towards black or white (whichever the background
    contrasts with more), so a brand hue keeps its character where it can.
    Either pole reaches at least 4.58:1 on any background, so this never fails.
    """
    if contrast(foreground, background) >= target:
        return foreground
    pole = WHITE if is_dark(background) else BLACK
    lo, hi = 0.0, 1.0
    for _ in range(12):  # binary search for the smallest shift that passes
        mid = (lo + hi) / 2
        if contrast(mix(foreground, pole, mid), background) >= target:
            hi = mid
        else:
            lo = mid
    candidate = mix(foreground, pole, hi)
    return candidate if contrast(candidate, background) >= target else pole
