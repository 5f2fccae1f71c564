"""Manifest, service worker, favicon and SEO files."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from core.site.site import Site
from pipeline import render_site
from pipeline.favicon import favicon_svg, initials
from pipeline.pwa import PRECACHE, short_name
from tests.pipeline.conftest import make_site


def test_manifest(site: Site) -> None:
    data = json.loads(render_site(site).files["manifest.webmanifest"])
    assert data["start_url"] == "." and data["scope"] == "." and data["display"] == "standalone"
    assert data["icons"] == [
        {"src": "favicon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
    ]
    assert data["theme_color"].startswith("#") and data["background_color"].startswith("#")
    assert len(data["short_name"]) <= 12 and data["lang"] == "pt-PT"


def test_short_name_keeps_whole_words() -> None:
    assert short_name("Padaria Lusitana") == "Padaria"
    assert short_name("Supercalifragilistic") == "Supercalifra"[:12]


def test_service_worker_precaches_relative_files_and_versions_by_content(site: Site) -> None:
    sw = render_site(site).files["sw.js"].decode()
    assert json.dumps(list(PRECACHE)) in sw
    assert all(not f.startswith("/") for f in PRECACHE)
    other = render_site(make_site(name="Outra Padaria")).files["sw.js"].decode()
    version = sw.split('const VERSION = "')[1][:16]
    assert version != other.split('const VERSION = "')[1][:16]


def test_pwa_js_registers_the_worker_relatively(site: Site) -> None:
    js = render_site(site).files["pwa.js"].decode()
    assert 'register("sw.js")' in js


def test_favicon_is_valid_svg_with_escaped_initials(site: Site) -> None:
    assert initials("Padaria Lusitana") == "PL" and initials("nimbus") == "N" and initials("<&>") == "<"
    svg = favicon_svg("<&>", site.theme)
    tree = ElementTree.fromstring(svg)
    text = tree.find("{http://www.w3.org/2000/svg}text")
    assert text is not None and text.text == "<"
    ElementTree.fromstring(render_site(site).files["favicon.svg"])
