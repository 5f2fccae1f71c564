"""The public API: files, CSP, preview and body."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from core.site.site import Site
from pipeline import RenderOptions, render_body, render_css, render_preview, render_site
from tests.pipeline.conftest import NS, iter_tag, make_site, parse_html


def test_published_files(site: Site) -> None:
    bundle = render_site(site)
    assert set(bundle.files) == {
        "index.html",
        "manifest.webmanifest",
        "sw.js",
        "pwa.js",
        "favicon.svg",
        "robots.txt",
    }
    assert all(isinstance(v, bytes) and v for v in bundle.files.values())


def test_csp_hash_matches_the_inline_style(site: Site) -> None:
    bundle = render_site(site)
    root = parse_html(bundle.files["index.html"].decode())
    styles = list(iter_tag(root, "style"))
    assert len(styles) == 1
    digest = base64.b64encode(hashlib.sha256((styles[0].text or "").encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in bundle.csp
    assert "unsafe-inline" not in bundle.csp and "script-src 'self'" in bundle.csp
    assert "frame-ancestors 'none'" in bundle.csp
    meta = next(m for m in iter_tag(root, "meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert meta.get("content") == bundle.csp.replace("; frame-ancestors 'none'", "")
    assert styles[0].text == render_css(site)
    assert [s.get("src") for s in iter_tag(root, "script") if s.get("src")] == ["pwa.js"]


def test_no_inline_style_attributes(site: Site) -> None:
    root = parse_html(render_site(site).files["index.html"].decode())
    assert not [el.tag for el in root.iter() if "style" in el.attrib]


def test_without_base_url_no_sitemap(site: Site) -> None:
    files = render_site(site).files
    assert "sitemap.xml" not in files
    assert b"Sitemap" not in files["robots.txt"]
    assert b'rel="canonical"' not in files["index.html"]


def test_with_base_url_sitemap_and_robots(site: Site) -> None:
    files = render_site(site, RenderOptions(base_url="http://127.0.0.1:8400/s/padaria/")).files
    assert b"<loc>http://127.0.0.1:8400/s/padaria/</loc>" in files["sitemap.xml"]
    assert b"Sitemap: http://127.0.0.1:8400/s/padaria/sitemap.xml" in files["robots.txt"]


@pytest.mark.parametrize("url", ["padaria.pt", "/s/padaria/", "javascript:alert(1)/", 'https://x.pt/"><b>'])
def test_base_url_must_be_absolute(url: str) -> None:
    with pytest.raises(ValueError):
        RenderOptions(base_url=url)


def test_base_url_gets_a_trailing_slash() -> None:
    assert RenderOptions(base_url="https://padaria.pt").base_url == "https://padaria.pt/"


def test_render_is_deterministic(site: Site) -> None:
    assert render_site(site).files == render_site(site).files


def test_preview_links_css_and_live_script_without_pwa(site: Site) -> None:
    markup = render_preview(site, stylesheet_href="/preview/t/style.css", live_script_src="/preview/live.js")
    root = parse_html(markup)
    assert not list(iter_tag(root, "style"))
    links = {link.get("rel"): link.get("href") for link in iter_tag(root, "link")}
    assert links["stylesheet"] == "/preview/t/style.css" and "manifest" not in links
    assert [s.get("src") for s in iter_tag(root, "script") if s.get("src")] == ["/preview/live.js"]
    robots = next(m for m in iter_tag(root, "meta") if m.get("name") == "robots")
    assert robots.get("content") == "noindex"
    assert "sw.js" not in markup and "pwa.js" not in markup
    bare = render_preview(site, stylesheet_href="s.css", live_script_src=None)
    assert not [s for s in parse_html(bare).iter(NS + "script") if s.get("src")]


def test_body_is_exactly_the_preview_body(site: Site) -> None:
    markup = render_preview(site, stylesheet_href="s.css", live_script_src=None)
    match = re.search(r"<body>(.*)</body>", markup, re.S)
    assert match and match.group(1) == render_body(site)
    assert render_body(site) in render_site(site).files["index.html"].decode()


def test_page_weight_is_small(site: Site) -> None:
    assert len(render_site(site).files["index.html"]) < 40_000


def test_an_empty_business_still_renders() -> None:
    site = make_site(business={}, sections=[{"kind": "contact", "heading": "Fale connosco"}])
    root = parse_html(render_site(site).files["index.html"].decode())
    assert next(iter_tag(root, "h1")).text is None  # brand h1 wraps a link
    assert "".join(next(iter_tag(root, "h1")).itertext()) == "Padaria Lusitana"
