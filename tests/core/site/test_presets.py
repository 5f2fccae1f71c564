from __future__ import annotations

import pytest

from core.site.contrast import INK, WHITE, contrast
from core.site.presets import (
    NAMED_COLOURS,
    PRESETS,
    colour_named,
    dark_variant,
    is_accessible,
    preset,
    style_named,
    theme_with_primary,
)


def _aa(theme_palette: object) -> None:
    p = theme_palette
    assert contrast(p.text, p.background) >= 4.5  # type: ignore[attr-defined]
    assert contrast(p.text, p.surface) >= 4.5  # type: ignore[attr-defined]
    assert contrast(p.muted, p.background) >= 4.5  # type: ignore[attr-defined]
    assert max(contrast(WHITE, p.primary), contrast(INK, p.primary)) >= 4.5  # type: ignore[attr-defined]


def test_at_least_six_distinct_presets() -> None:
    assert len(PRESETS) >= 6
    assert len({t.palette for t in PRESETS.values()}) == len(PRESETS)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_pass_aa_in_light_and_dark(name: str) -> None:
    for theme in (PRESETS[name], dark_variant(PRESETS[name]), preset(name, "dark")):
        _aa(theme.palette)
        assert is_accessible(theme)
    assert dark_variant(PRESETS[name]).mode == "dark"


@pytest.mark.parametrize("colour", sorted(set(NAMED_COLOURS.values())))
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_theme_with_primary_keeps_aa(colour: str, mode: str) -> None:
    theme = theme_with_primary(PRESETS["fresh"], colour, mode)  # type: ignore[arg-type]
    _aa(theme.palette)
    assert theme.mode == mode
    assert contrast(theme.palette.primary, theme.palette.background) >= 3.0


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("dark green", "dark green"),
        ("verde escuro", "dark green"),
        ("verde oscuro", "dark green"),
        ("make it navy", "navy"),
        ("azul marinho", "navy"),
        ("rojo", "red"),
        ("bordô", "burgundy"),
        ("cinzento", "grey"),
        ("gray", "grey"),
        ("dorado", "gold"),
        ("bege", "beige"),
    ],
)
def test_named_colours_in_three_languages(words: str, expected: str) -> None:
    assert colour_named(words) == NAMED_COLOURS[expected]


@pytest.mark.parametrize(
    ("words", "style"),
    [
        ("more elegant", "elegant"),
        ("mais divertido", "playful"),
        ("más minimalista", "minimal"),
        ("mais corporativo", "corporate"),
        ("more playful", "playful"),
    ],
)
def test_style_words(words: str, style: str) -> None:
    assert style_named(words) == style
