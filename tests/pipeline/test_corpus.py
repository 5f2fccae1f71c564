"""Every site of the quality corpus (bench/corpus), rendered and checked without a browser.

``make quality`` measures these sites with vnu, axe and Lighthouse in Chromium;
this suite keeps the regressions those tools would find visible in ``make test``:
document structure, landmarks, headings, weight and WCAG contrast computed from
the theme tokens, for the corpus and for every theme preset in both modes.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest

from bots.offline import generate_site
from core.i18n.locales import html_lang
from core.llm.offline.kinds import DEFAULT_PRESET
from core.site.business import BUSINESS_KINDS
from core.site.presets import PRESET_NAMES, PRESETS, preset, style_named
from core.site.schema import load_site_json
from core.site.sections import SECTION_KINDS
from core.site.site import Site
from core.site.theme import Theme
from pipeline import RenderOptions, render_site
from pipeline.contrast import contrast
from pipeline.tokens import resolve
from tests.pipeline.conftest import NS, iter_tag, local, parse_html

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "corpus"
DESCRIPTIONS: list[dict[str, str]] = json.loads((CORPUS / "descriptions.json").read_text())
SPECS = sorted((CORPUS / "specs").glob("*.json"))
IDS = [d["id"] for d in DESCRIPTIONS] + [p.stem for p in SPECS]
BASE_URL = "https://example.test/"
MAX_BYTES = 40_000
AA, AA_LARGE = 4.5, 3.0


@cache
def corpus_site(site_id: str) -> Site:
    for entry in DESCRIPTIONS:
        if entry["id"] == site_id:
            return asyncio.run(generate_site(entry["text"]))
    return load_site_json((CORPUS / "specs" / f"{site_id}.json").read_text())


@cache
def corpus_page(site_id: str) -> tuple[str, Element]:
    markup = render_site(corpus_site(site_id), RenderOptions(base_url=BASE_URL)).files["index.html"].decode()
    return markup, parse_html(markup)


def elements(root: Element) -> Iterator[Element]:
    return (e for e in root.iter() if isinstance(e.tag, str) and e.tag.startswith(NS))


def text(e: Element) -> str:
    return " ".join("".join(e.itertext()).split())


def test_corpus_covers_what_the_issue_asks() -> None:
    sites = [corpus_site(site_id) for site_id in IDS]
    assert len(sites) >= 40
    assert {s.language for s in sites} == {"pt_BR", "pt_PT", "en", "es"}
    assert set(BUSINESS_KINDS) <= {s.business.kind for s in sites}
    assert set(SECTION_KINDS) <= {section.kind for s in sites for section in s.sections}
    assert {s.theme.mode for s in sites} == {"light", "dark"}
    everything = json.dumps([s.model_dump(mode="json") for s in sites], ensure_ascii=False)
    assert any("\u0590" <= c <= "\u06ff" for c in everything)  # Hebrew / Arabic
    assert any(ord(c) >= 0x1F300 for c in everything)  # emoji
    assert any(c in everything for c in "ãçñéü")
    lengths = [len(d["text"]) for d in DESCRIPTIONS]
    assert min(lengths) <= 10 and max(lengths) >= 500
    assert any(s.name == "A" for s in sites) and any(len(s.name) == 80 for s in sites)
    assert any(len(s.sections) == 20 for s in sites)


@pytest.mark.parametrize("site_id", IDS)
def test_page_structure(site_id: str) -> None:
    markup, root = corpus_page(site_id)
    site = corpus_site(site_id)
    assert len(markup.encode()) < MAX_BYTES
    html = root
    assert html.get("lang") == html_lang(site.language)
    assert len(list(iter_tag(root, "h1"))) == 1
    assert len(list(iter_tag(root, "main"))) == 1

    ids = [e.get("id") for e in elements(root) if e.get("id")]
    assert not [i for i, n in Counter(ids).items() if n > 1], "ids must be unique"
    for e in elements(root):
        for attr in ("aria-labelledby", "aria-describedby"):
            if e.get(attr):
                assert e.get(attr) in ids
        if local(e.tag) == "a":
            href = e.get("href") or ""
            assert href and (text(e) or e.get("aria-label"))
            if href.startswith("#") and len(href) > 1:
                assert href[1:] in ids, f"link to a missing anchor {href}"
        if local(e.tag) == "img":
            assert e.get("alt") is not None

    levels = [int(local(e.tag)[1]) for e in elements(root) if local(e.tag) in {"h1", "h2", "h3", "h4"}]
    assert levels[0] in (1, 2) and all(b - a <= 1 for a, b in pairwise(levels))

    # region landmarks must be told apart (axe: landmark-unique)
    names = []
    for section in iter_tag(root, "section"):
        if section.get("aria-label"):
            names.append(section.get("aria-label", "").casefold())
        elif section.get("aria-labelledby"):
            label = next(e for e in elements(root) if e.get("id") == section.get("aria-labelledby"))
            names.append(text(label).casefold())
    assert len(names) == len(set(names))

    # nothing is fetched from another site: scripts, styles, icons and the manifest are local
    for e in elements(root):
        if local(e.tag) in {"script", "link"}:
            ref = e.get("src") or e.get("href") or ""
            assert not ref.startswith(("http:", "https:", "//")) or ref == BASE_URL


def theme_pairs(theme: Theme) -> dict[str, tuple[str, str, float]]:
    """Every text/background pair the stylesheet uses, with the ratio WCAG asks of it."""
    c = resolve(theme)
    return {
        "text/bg": (c.text, c.bg, AA),
        "text/surface": (c.text, c.surface, AA),
        "muted/bg": (c.muted, c.bg, AA),
        "muted/surface": (c.muted, c.surface, AA),
        "link/bg": (c.link, c.bg, AA),
        "link/surface": (c.link, c.surface, AA),
        "button": (c.on_btn, c.btn, AA),
        "accent": (c.on_accent, c.accent, AA),
        "button/bg": (c.btn, c.bg, AA_LARGE),  # the button stands out from the page
    }


def assert_readable(theme: Theme, where: str) -> None:
    failing = {
        name: round(contrast(fg, bg), 2)
        for name, (fg, bg, ratio) in theme_pairs(theme).items()
        if contrast(fg, bg) < ratio
    }
    assert not failing, f"{where}: {failing}"


@pytest.mark.parametrize("site_id", IDS)
def test_corpus_contrast(site_id: str) -> None:
    assert_readable(corpus_site(site_id).theme, site_id)


@pytest.mark.parametrize("name", PRESET_NAMES)
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_presets_are_readable_in_both_modes(name: str, mode: str) -> None:
    theme = preset(name, "dark" if mode == "dark" else "light")
    assert theme.mode == mode and resolve(theme).dark == (mode == "dark")
    assert_readable(theme, f"{name}/{mode}")
    # the preset's own palette is already readable: the renderer needs no rescue
    c = resolve(theme)
    assert (c.text, c.muted) == (theme.palette.text, theme.palette.muted)


def test_presets_are_distinct_and_reachable() -> None:
    assert len(PRESET_NAMES) >= 6
    looks = {(p.palette.primary, p.fonts, p.radius) for p in map(preset, PRESET_NAMES)}
    assert len(looks) == len(PRESET_NAMES)
    assert {"elegant", "playful", "minimal", "corporate"} <= set(PRESET_NAMES)
    for phrase, expected in [
        ("make it more elegant", "elegant"),
        ("mais divertido", "playful"),
        ("más minimalista", "minimal"),
        ("more corporate please", "corporate"),
    ]:
        assert style_named(phrase) == expected
    assert set(DEFAULT_PRESET.values()) <= set(PRESET_NAMES)


def test_corpus_shows_every_preset_in_both_modes() -> None:
    """Each preset's look (fonts and radius are its signature) reaches the browser checks, light and dark."""
    signature = {(t.fonts, t.radius): name for name, t in PRESETS.items()}
    assert len(signature) == len(PRESETS)
    shown = set()
    for site_id in IDS:
        theme = corpus_site(site_id).theme
        if (theme.fonts, theme.radius) in signature:
            shown.add((signature[theme.fonts, theme.radius], theme.mode))
    light = {name for name, mode in shown if mode == "light"}
    dark = {name for name, mode in shown if mode == "dark"}
    assert light == set(PRESETS) and dark == set(PRESETS), (set(PRESETS) - light, set(PRESETS) - dark)
