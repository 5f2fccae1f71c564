"""WCAG contrast maths and the colours the stylesheet ships."""

from __future__ import annotations

import re

import pytest

from pipeline import render_css
from pipeline.contrast import contrast, luminance, mix, readable
from tests.pipeline.conftest import make_site, site_data


def test_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert luminance("#ffffff") == pytest.approx(1) and luminance("#000000") == 0
    assert mix("#000000", "#ffffff", 0.5) == "#808080"


@pytest.mark.parametrize("bg", ["#ffffff", "#000000", "#777777", "#7f7f7f", "#ff0000", "#ffee00", "#1e3a8a"])
@pytest.mark.parametrize("fg", ["#ffffff", "#000000", "#888888", "#ffee00", "#3b82f6"])
def test_readable_always_reaches_aa(fg: str, bg: str) -> None:
    result = readable(fg, bg)
    assert contrast(result, bg) >= 4.5
    if contrast(fg, bg) >= 4.5:
        assert result == fg


def css_vars(css: str) -> dict[str, str]:
    root = css[css.index(":root{") + 6 : css.index("}")]
    return dict(re.findall(r"(--[\w-]+):(#[0-9a-f]{6})", root))


LOW_CONTRAST = [
    # pale text, yellow brand on white
    {
        "primary": "#ffee00",
        "accent": "#fff59d",
        "background": "#ffffff",
        "surface": "#fafafa",
        "text": "#cccccc",
        "muted": "#dddddd",
    },
    # mid-grey everything on a dark background
    {
        "primary": "#333333",
        "accent": "#444444",
        "background": "#222222",
        "surface": "#2a2a2a",
        "text": "#555555",
        "muted": "#444444",
    },
    # mid-luminance background, the hardest case
    {
        "primary": "#7f7f7f",
        "accent": "#808080",
        "background": "#777777",
        "surface": "#7a7a7a",
        "text": "#888888",
        "muted": "#6f6f6f",
    },
]


@pytest.mark.parametrize("palette", LOW_CONTRAST)
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_low_contrast_palettes_are_corrected(palette: dict[str, str], mode: str) -> None:
    theme = {**site_data()["theme"], "palette": palette, "mode": mode}
    v = css_vars(render_css(make_site(theme=theme)))
    for fg in ("--text", "--muted", "--link"):
        for bg in ("--bg", "--surface"):
            assert contrast(v[fg], v[bg]) >= 4.5, (fg, bg, v)
    assert contrast(v["--on-btn"], v["--btn"]) >= 4.5
    assert contrast(v["--on-accent"], v["--accent"]) >= 4.5


def test_a_good_palette_is_kept(site: object) -> None:
    v = css_vars(render_css(make_site()))
    assert v["--text"] == "#1f1a17" and v["--link"] == "#9a3412" and v["--bg"] == "#fffbf5"
