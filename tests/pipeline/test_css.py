"""The stylesheet's contract: tokens, no external requests, accessibility rules."""

from __future__ import annotations

import pytest

from core.site.theme import FONT_PAIRINGS
from pipeline import render_css
from tests.pipeline.conftest import make_site, site_data


@pytest.mark.parametrize("fonts", FONT_PAIRINGS)
def test_every_font_pairing_uses_system_stacks(fonts: str) -> None:
    css = render_css(make_site(theme={**site_data()["theme"], "fonts": fonts}))
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert "--fh:" in css and "--fb:" in css


def test_accessibility_and_responsive_rules() -> None:
    css = render_css(make_site())
    for rule in (
        ":focus-visible",
        "prefers-reduced-motion",
        "overflow-wrap:anywhere",
        "clamp(",
        "tabular-nums",
    ):
        assert rule in css
    assert "minmax(min(100%," in css  # grids never force a column wider than a 320px screen
    assert "<" not in css
    assert len(css) < 14_000


def test_radius_and_mode_become_tokens() -> None:
    theme = {**site_data()["theme"], "radius": 3, "mode": "dark"}
    css = render_css(make_site(theme=theme))
    assert "--r:3px" in css and "color-scheme:dark" in css
