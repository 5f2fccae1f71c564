"""Structure of the published page, checked on the parsed HTML5 tree."""

from __future__ import annotations

import itertools
from xml.etree.ElementTree import Element

import pytest

from core.site.sections import SECTION_KINDS
from pipeline import RenderOptions, render_site
from tests.pipeline.conftest import BASE, NS, SVG, iter_tag, local, make_site, parse_html, site_data

HEADINGS = {f"h{n}": n for n in range(1, 7)}


def page(**overrides: object) -> Element:
    return parse_html(render_site(make_site(**overrides)).files["index.html"].decode())


def headings(root: Element) -> list[tuple[int, str]]:
    return [
        (HEADINGS[local(el.tag)], "".join(el.itertext())) for el in root.iter() if local(el.tag) in HEADINGS
    ]


def assert_ordered(levels: list[int]) -> None:
    assert levels and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


def test_exactly_one_h1_and_no_level_skipped() -> None:
    found = headings(page())
    assert [level for level, _ in found].count(1) == 1
    assert found[0] == (1, BASE["sections"][0]["heading"])
    assert_ordered([level for level, _ in found])


def test_without_a_hero_the_site_name_is_the_h1() -> None:
    sections = [s for s in BASE["sections"] if s["kind"] != "hero"]
    found = headings(page(sections=sections))
    assert found[0] == (1, BASE["name"])
    assert [level for level, _ in found].count(1) == 1
    assert_ordered([level for level, _ in found])


def test_a_hero_that_does_not_open_the_page_gets_an_h2() -> None:
    sections = list(BASE["sections"])
    sections[0], sections[1] = sections[1], sections[0]
    found = headings(page(sections=sections))
    assert [level for level, _ in found].count(1) == 1
    assert found[0] == (1, BASE["name"])
    assert_ordered([level for level, _ in found])


def test_every_section_kind_renders_with_a_unique_labelled_landmark() -> None:
    root = page()
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    for kind in SECTION_KINDS:
        if kind == "footer":
            continue
        node = next(el for el in root.iter(NS + "section") if el.get("id") == kind)
        label = node.get("aria-labelledby")
        assert label in ids or node.get("aria-label"), kind
    assert len(list(iter_tag(root, "footer"))) == 1


def test_repeated_kinds_get_numbered_anchors() -> None:
    sections = [*BASE["sections"][:5], BASE["sections"][4], BASE["sections"][4]]
    root = page(sections=sections)
    ids = [el.get("id") for el in iter_tag(root, "section")]
    assert ids.count("menu") == 1 and "menu-2" in ids and "menu-3" in ids


def test_landmarks_and_language() -> None:
    root = page()
    assert root.get("lang") == "pt-PT"
    assert len(list(iter_tag(root, "header"))) == 1
    assert [m.get("id") for m in iter_tag(root, "main")] == ["main"]
    navs = list(iter_tag(root, "nav"))
    assert navs and all(n.get("aria-label") for n in navs)
    skip = next(iter_tag(root, "a"))
    assert skip.get("href") == "#main"


def test_nav_links_point_at_existing_sections() -> None:
    root = page()
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    header = next(iter_tag(root, "header"))
    targets = [a.get("href") for a in header.iter(NS + "a") if a.get("href", "").startswith("#")]
    assert targets and all(t[1:] in ids for t in targets)


def test_images_and_illustrations_are_labelled() -> None:
    root = page()
    imgs = list(iter_tag(root, "img"))
    assert imgs and all(img.get("alt") for img in imgs)
    assert all(img.get("loading") == "lazy" and img.get("width") and img.get("height") for img in imgs)
    svgs = list(root.iter(SVG + "svg"))
    pictures = [s for s in svgs if s.get("role") == "img"]
    assert pictures and all(s.get("aria-label") for s in pictures)
    assert all(s.get("aria-hidden") == "true" for s in svgs if s.get("role") != "img")


def test_semantic_building_blocks() -> None:
    root = page()
    assert list(iter_tag(root, "details")) and all(
        d.find(NS + "summary") is not None for d in iter_tag(root, "details")
    )
    address = next(iter_tag(root, "address"))
    hrefs = [a.get("href") for a in address.iter(NS + "a")]
    assert "tel:+351211234567" in hrefs and "mailto:ola@padaria.pt" in hrefs
    assert next(iter_tag(root, "table")).find(f".//{NS}th").text == "Seg–Sex"
    prices = ["".join(d.itertext()) for d in iter_tag(root, "data")]
    assert "4,20\u00a0€" in prices and "25\u00a0€" in prices


@pytest.mark.parametrize(("language", "expected"), [("en", "€4.20"), ("es", "4,20\u00a0€")])
def test_prices_follow_the_language(language: str, expected: str) -> None:
    root = page(language=language)
    assert expected in ["".join(d.itertext()) for d in iter_tag(root, "data")]


def test_every_resource_url_is_relative() -> None:
    markup = (
        render_site(make_site(), RenderOptions(base_url="https://padaria.pt/")).files["index.html"].decode()
    )
    root = parse_html(markup)
    for el in root.iter():
        for attr in ("href", "src"):
            url = el.get(attr)
            if url is None or el.get("rel") == "canonical" or local(el.tag) == "a":
                continue
            if local(el.tag) == "img":  # spec images are absolute by definition
                continue
            assert not url.startswith(("/", "http:", "https:")), (el.tag, url)
    internal = [a.get("href") for a in root.iter(NS + "a") if a.get("href", "").startswith("/")]
    assert internal == []


def test_head_metadata() -> None:
    markup = (
        render_site(make_site(), RenderOptions(base_url="https://padaria.pt/")).files["index.html"].decode()
    )
    assert markup.startswith("<!doctype html>")
    head = next(iter_tag(parse_html(markup), "head"))
    metas = {
        (m.get("name") or m.get("property") or m.get("http-equiv")): m.get("content")
        for m in head.iter(NS + "meta")
    }
    assert metas["description"] == BASE["seo"]["description"]
    assert metas["og:url"] == "https://padaria.pt/"
    assert metas["theme-color"] and metas["twitter:card"] == "summary"
    links = {link.get("rel"): link.get("href") for link in head.iter(NS + "link")}
    assert links == {
        "canonical": "https://padaria.pt/",
        "icon": "favicon.svg",
        "manifest": "manifest.webmanifest",
    }


def test_dark_mode_is_honoured_even_with_a_light_palette() -> None:
    data = site_data()
    data["theme"]["mode"] = "dark"
    root = parse_html(render_site(make_site(theme=data["theme"])).files["index.html"].decode())
    head = next(iter_tag(root, "head"))
    scheme = next(m for m in head.iter(NS + "meta") if m.get("name") == "color-scheme")
    assert scheme.get("content") == "dark"
