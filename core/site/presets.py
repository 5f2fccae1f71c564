"""Theme presets, named colours and palettes built around a chosen primary.

A person says "dark green" or "more elegant", never a hex code. These tables
turn such words into themes whose text always passes WCAG AA, whatever the
colour or the light/dark mode.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from core.site.contrast import (
    AA_LARGE,
    AA_TEXT,
    INK,
    WHITE,
    contrast,
    from_hls,
    hls,
    push_until,
    readable_primary,
)
from core.site.theme import FontPairing, Palette, Theme

Mode = Literal["light", "dark"]


def _theme(
    primary: str,
    accent: str,
    background: str,
    surface: str,
    text: str,
    muted: str,
    fonts: FontPairing,
    radius: int,
) -> Theme:
    palette = Palette(
        primary=primary, accent=accent, background=background, surface=surface, text=text, muted=muted
    )
    return Theme(palette=palette, mode="light", fonts=fonts, radius=radius)


# Hand-tuned light palettes; dark variants are derived (see ``dark_variant``).
PRESETS: dict[str, Theme] = {
    "fresh": _theme("#0f766e", "#d97706", "#ffffff", "#f0fdfa", "#0f172a", "#475569", "modern", 12),
    "elegant": _theme("#3f2a56", "#9a7b4f", "#fbf9f6", "#f3eee7", "#1c1917", "#57534e", "elegant", 4),
    "playful": _theme("#a21caf", "#ea580c", "#fffbf5", "#fff1e6", "#1e1b4b", "#5b5675", "geometric", 24),
    "minimal": _theme("#111827", "#6b7280", "#ffffff", "#f5f5f5", "#111111", "#525252", "modern", 2),
    "corporate": _theme("#1d4ed8", "#0369a1", "#ffffff", "#f1f5f9", "#0f172a", "#475569", "humanist", 6),
    "warm": _theme("#a4480b", "#9f1239", "#fffaf3", "#fbeee0", "#292018", "#6b5a4a", "classic", 14),
    "bold": _theme("#c81e1e", "#1f2937", "#ffffff", "#fef2f2", "#0a0a0a", "#4b4b4b", "geometric", 8),
    "nature": _theme("#166534", "#a16207", "#fbfdf8", "#eef5e9", "#14201a", "#4a5a4f", "humanist", 16),
}
PRESET_NAMES: tuple[str, ...] = tuple(PRESETS)

# Words (accents stripped, lower case) that ask for a style, in pt / en / es.
STYLE_WORDS: dict[str, tuple[str, ...]] = {
    "elegant": (
        "elegant",
        "elegante",
        "sofisticado",
        "sofisticada",
        "sophisticated",
        "classy",
        "luxury",
        "luxo",
        "luxuoso",
        "lujo",
        "lujoso",
        "chic",
        "refinado",
        "refined",
    ),
    "playful": (
        "playful",
        "fun",
        "funny",
        "divertido",
        "divertida",
        "alegre",
        "colorful",
        "colourful",
        "colorido",
        "colorida",
        "jovem",
        "juvenil",
        "youthful",
    ),
    "minimal": (
        "minimal",
        "minimalist",
        "minimalista",
        "clean",
        "limpo",
        "limpa",
        "limpio",
        "limpia",
        "simple",
        "simples",
        "sobrio",
        "sobria",
    ),
    "corporate": (
        "corporate",
        "corporativo",
        "corporativa",
        "professional",
        "profissional",
        "profesional",
        "serious",
        "serio",
        "seria",
        "formal",
        "business-like",
        "empresarial",
    ),
    "fresh": ("fresh", "fresco", "fresca", "light and airy", "arejado"),
    "warm": (
        "warm",
        "cozy",
        "cosy",
        "acolhedor",
        "acolhedora",
        "aconchegante",
        "calido",
        "calida",
        "rustic",
        "rustico",
        "rustica",
    ),
    "bold": (
        "bold",
        "ousado",
        "ousada",
        "atrevido",
        "atrevida",
        "audaz",
        "vibrant",
        "vibrante",
        "striking",
        "impactante",
    ),
    "nature": (
        "natural",
        "nature",
        "natureza",
        "naturaleza",
        "earthy",
        "organico",
        "organica",
        "organic",
        "eco",
        "sustainable",
        "sustentavel",
        "sostenible",
    ),
}

# Named colours in pt / en / es (accents stripped), longest names first when matched.
NAMED_COLOURS: dict[str, str] = {}
_COLOUR_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "#14532d",
        (
            "dark green",
            "forest green",
            "verde escuro",
            "verde oscuro",
            "verde floresta",
            "verde bosque",
            "verde garrafa",
            "bottle green",
        ),
    ),
    ("#65a30d", ("light green", "lime", "verde claro", "verde lima", "lima")),
    ("#6b7c23", ("olive", "olive green", "verde oliva", "verde azeitona", "oliva")),
    ("#16a34a", ("green", "verde")),
    (
        "#0ea5e9",
        ("light blue", "sky blue", "baby blue", "azul claro", "azul celeste", "celeste", "azul bebe"),
    ),
    (
        "#1e3a8a",
        ("navy", "navy blue", "dark blue", "azul marinho", "azul marino", "azul escuro", "azul oscuro"),
    ),
    ("#2563eb", ("blue", "azul")),
    (
        "#0d9488",
        ("teal", "turquoise", "turquesa", "verde-azulado", "verde azulado", "petrol", "petroleo", "aqua"),
    ),
    (
        "#7f1d1d",
        (
            "burgundy",
            "bordeaux",
            "bordo",
            "borgonha",
            "burdeos",
            "granate",
            "maroon",
            "wine red",
            "vinho tinto",
            "grena",
        ),
    ),
    ("#dc2626", ("red", "vermelho", "vermelha", "rojo", "roja", "encarnado")),
    ("#f26b5b", ("coral",)),
    ("#ea580c", ("orange", "laranja", "naranja")),
    ("#ca8a04", ("gold", "golden", "dourado", "dourada", "dorado", "dorada", "ouro", "oro")),
    ("#eab308", ("yellow", "amarelo", "amarela", "amarillo", "amarilla", "mustard", "mostarda", "mostaza")),
    (
        "#db2777",
        ("pink", "rosa", "cor-de-rosa", "cor de rosa", "rosado", "rosada", "magenta", "fucsia", "fuchsia"),
    ),
    ("#c4b5fd", ("lilac", "lavender", "lilas", "lila", "lavanda")),
    ("#7c3aed", ("purple", "violet", "roxo", "roxa", "morado", "morada", "purpura", "violeta")),
    (
        "#8b5a2b",
        ("brown", "chocolate", "castanho", "castanha", "marrom", "marron", "terracotta", "terracota"),
    ),
    ("#c8b08a", ("beige", "bege", "sand", "areia", "arena", "cream", "creme", "crema")),
    ("#111111", ("black", "preto", "preta", "negro", "negra")),
    ("#4b5563", ("grey", "gray", "cinzento", "cinzenta", "cinza", "gris", "charcoal", "grafite", "grafito")),
)
for _hex, _names in _COLOUR_GROUPS:
    for _name in _names:
        NAMED_COLOURS[_name] = _hex


def fold(text: str) -> str:
    """Lower-case and strip accents, so "Verde-Escuro" and "verde escuro" look alike."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def theme_with_primary(theme: Theme, primary: str, mode: Mode) -> Theme:
    """A coherent palette around ``primary`` in ``mode``, keeping fonts and radius of ``theme``.

    The primary keeps its hue; only its lightness moves, as little as needed for
    buttons (white or ink text on it) and for standing out from the background.
    Background, surface, text and muted are tints and shades of the same hue,
    so any colour produces a calm, readable page.
    """
    hue, _, saturation = hls(primary)
    tint = min(saturation, 0.35)
    if mode == "light":
        background = from_hls(hue, 0.985, tint)
        surface = from_hls(hue, 0.95, tint)
        text = push_until(from_hls(hue, 0.12, min(saturation, 0.3)), (background, surface), 10.0, darker=True)
        muted = push_until(
            from_hls(hue, 0.38, min(saturation, 0.18)), (background, surface), AA_TEXT, darker=True
        )
        adjusted = push_until(primary, (background,), AA_LARGE, darker=True)
    else:
        background = from_hls(hue, 0.075, min(saturation, 0.3))
        surface = from_hls(hue, 0.125, min(saturation, 0.25))
        text = push_until(
            from_hls(hue, 0.94, min(saturation, 0.3)), (background, surface), 10.0, darker=False
        )
        muted = push_until(
            from_hls(hue, 0.72, min(saturation, 0.15)), (background, surface), AA_TEXT, darker=False
        )
        adjusted = push_until(primary, (background,), AA_LARGE, darker=False)
    adjusted = _button_safe(adjusted, darker=mode == "light")
    accent = _accent_for(adjusted, background, mode)
    palette = Palette(
        primary=adjusted, accent=accent, background=background, surface=surface, text=text, muted=muted
    )
    return Theme(palette=palette, mode=mode, fonts=theme.fonts, radius=theme.radius)


def _button_safe(primary: str, darker: bool) -> str:
    # A few mid-tones read badly with both white and ink; nudge them out of that band.
    if readable_primary(primary):
        return primary
    fixed = (
        push_until(primary, (WHITE,), AA_TEXT, darker=True)
        if darker
        else push_until(primary, (INK,), AA_TEXT, darker=False)
    )
    return fixed


def _accent_for(primary: str, background: str, mode: Mode) -> str:
    """A companion colour 30 degrees around the wheel, visible against the background."""
    hue, lightness, saturation = hls(primary)
    accent = from_hls(hue + 1 / 12, lightness, max(saturation, 0.45) if saturation > 0.05 else 0.0)
    return push_until(accent, (background,), AA_LARGE, darker=mode == "light")


def dark_variant(theme: Theme) -> Theme:
    """The same identity at night: same primary hue, fonts and radius, dark surfaces."""
    return theme_with_primary(theme, theme.palette.primary, "dark")


def light_variant(theme: Theme) -> Theme:
    return theme_with_primary(theme, theme.palette.primary, "light")


def preset(name: str, mode: Mode = "light") -> Theme:
    """A preset by name in ``mode``; unknown names fall back to "fresh"."""
    base = PRESETS.get(name, PRESETS["fresh"])
    return base if mode == "light" else dark_variant(base)


def colour_named(words: str) -> str | None:
    """The hex of the longest colour name found in ``words`` (any of pt/en/es), if any."""
    folded = f" {_words_only(fold(words))} "
    for name in sorted(NAMED_COLOURS, key=len, reverse=True):
        if f" {name} " in folded:
            return NAMED_COLOURS[name]
    return None


def style_named(words: str) -> str | None:
    """The preset a style word in ``words`` asks for ("mais elegante" → "elegant"), if any."""
    folded = f" {_words_only(fold(words))} "
    for name, synonyms in STYLE_WORDS.items():
        if any(f" {word} " in folded for word in synonyms):
            return name
    return None


def _words_only(text: str) -> str:
    return " ".join("".join(c if c.isalnum() or c == "-" else " " for c in text).split())


def is_accessible(theme: Theme) -> bool:
    """True when the palette passes AA everywhere the renderer puts text."""
    p = theme.palette
    return (
        contrast(p.text, p.background) >= AA_TEXT
        and contrast(p.text, p.surface) >= AA_TEXT
        and contrast(p.muted, p.background) >= AA_TEXT
        and readable_primary(p.primary)
    )
