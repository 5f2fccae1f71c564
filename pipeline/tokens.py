"""Theme tokens resolved into the colours a page actually uses.

The spec gives six colours and a mode; the page needs more (button text,
link colour, borders, illustration fills) and needs every text pair to pass
WCAG AA. This module derives them once so CSS, favicon and manifest agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.site.theme import Palette, Theme
from pipeline.contrast import AA, AA_UI, BLACK, WHITE, contrast, is_dark, mix, readable


@dataclass(frozen=True, slots=True)
class Colors:
    dark: bool
    bg: str
    surface: str
    text: str
    muted: str
    link: str  # primary, adjusted to be readable as text on bg and surface
    btn: str  # primary as a fill
    on_btn: str
    accent: str
    on_accent: str
    line: str
    art: tuple[str, str, str, str]  # illustration fills: ground, main, second, soft


def on_fill(fill: str) -> str:
    """White or black, whichever reads better on ``fill`` (one always passes AA)."""
    return WHITE if contrast(WHITE, fill) >= contrast(BLACK, fill) else BLACK


def readable_on(color: str, *backgrounds: str) -> str:
    """``color`` adjusted until it passes AA on every background given."""
    for _ in range(3):
        for background in backgrounds:
            color = readable(color, background)
        if all(contrast(color, b) >= AA for b in backgrounds):
            return color
    return max((WHITE, BLACK), key=lambda pole: min(contrast(pole, b) for b in backgrounds))


def _base(theme: Theme) -> Palette:
    """The palette, with neutrals re-derived when it contradicts the mode.

    A model may ask for ``mode: dark`` with a cream background; honouring the
    mode keeps brand colours and swaps the neutrals for tinted dark ones.
    """
    palette = theme.palette
    want_dark = theme.mode == "dark"
    if is_dark(palette.background) == want_dark:
        return palette
    if want_dark:
        bg, surface, text, muted = "#101014", "#1b1b22", "#f3f3f5", "#b4b4be"
    else:
        bg, surface, text, muted = "#fbfaf7", "#f1efea", "#1d1d22", "#55555f"
    return palette.model_copy(
        update={
            "background": mix(bg, palette.primary, 0.05),
            "surface": mix(surface, palette.primary, 0.07),
            "text": text,
            "muted": muted,
        }
    )


@lru_cache(maxsize=256)
def resolve(theme: Theme) -> Colors:
    p = _base(theme)
    bg, surface = p.background, p.surface
    dark = is_dark(bg)
    # A fill must stand out from the page (WCAG 1.4.11, 3:1): a pale yellow
    # button on white is darkened to a mustard of the same hue.
    btn = readable(p.primary, bg, AA_UI)
    return Colors(
        dark=dark,
        bg=bg,
        surface=surface,
        text=readable_on(p.text, bg, surface),
        muted=readable_on(p.muted, bg, surface),
        link=readable_on(p.primary, bg, surface),
        btn=btn,
        on_btn=on_fill(btn),
        accent=p.accent,
        on_accent=on_fill(p.accent),
        line=mix(p.text, bg, 0.82),
        art=(mix(surface, p.accent, 0.12), p.primary, p.accent, mix(p.primary, bg, 0.55)),
    )
