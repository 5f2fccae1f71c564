"""A theme from a logo: its dominant colour as primary, every pair checked for WCAG AA contrast."""

from __future__ import annotations

from core.site.contrast import hls
from core.site.presets import is_accessible, theme_with_primary
from core.site.site import Site
from core.site.theme import Theme


def brand_colour(colours: list[str]) -> str | None:
    """The logo colour that can carry a brand: the most frequent one with some colour in it."""
    for colour in colours:
        _, lightness, saturation = hls(colour)
        if saturation >= 0.25 and 0.12 <= lightness <= 0.85:
            return colour
    return None


def theme_from_logo(site: Site) -> Theme | None:
    """The site's theme recoloured around its logo, or None (no logo, a grey logo, or no readable result)."""
    logo = site.image(site.logo) if site.logo else None
    colour = brand_colour(logo.colours) if logo is not None else None
    if colour is None:
        return None
    theme = theme_with_primary(site.theme, colour, site.theme.mode)
    return theme if is_accessible(theme) else None
