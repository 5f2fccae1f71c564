"""The public API: a site spec in, the files of a website out.

Pure functions: no I/O, no clock, no randomness, so the same spec always gives
byte-identical files (which makes the service worker's cache version and the
CSP hash stable, and the output cacheable).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field

from core.site.site import Site
from pipeline.css import stylesheet
from pipeline.favicon import favicon_svg
from pipeline.layout import build_body
from pipeline.page import Assets, body_html, document
from pipeline.picture import image_rules
from pipeline.pwa import PWA_JS, manifest, service_worker
from pipeline.seo import robots_txt, sitemap_xml


@dataclass(frozen=True)
class RenderOptions:
    base_url: str | None = (
        None  # absolute URL where the site will live, e.g. "https://example.com/s/padaria/"
    )

    def __post_init__(self) -> None:
        url = self.base_url
        if url is None:
            return
        if not url.startswith(("http://", "https://")) or any(c in url for c in " <>\"'`"):
            raise ValueError(f"base_url must be an absolute http(s) URL, got {url!r}")
        if not url.endswith("/"):  # relative file names are joined onto it
            object.__setattr__(self, "base_url", url + "/")


@dataclass(frozen=True)
class SiteBundle:
    files: dict[str, bytes] = field(default_factory=dict)
    csp: str = ""  # Content-Security-Policy header value the page satisfies


def style_hash(css: str) -> str:
    """The CSP source expression allowing exactly this ``<style>`` content."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"


def content_security_policy(css: str, *, for_meta: bool = False) -> str:
    directives = [
        "default-src 'none'",
        f"style-src {style_hash(css)}",
        "img-src 'self' data: https:",
        "script-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if not for_meta:  # a <meta> policy cannot set frame-ancestors (browsers warn and ignore it)
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def render_css(site: Site) -> str:
    return stylesheet(site.theme) + image_rules(site)


def render_body(site: Site) -> str:
    """Inner HTML of ``<body>`` exactly as ``render_preview`` emits it (for live swaps)."""
    return body_html(build_body(site))


def render_preview(site: Site, *, stylesheet_href: str, live_script_src: str | None) -> str:
    """The page for the live preview: linked CSS, optional live script, no PWA, not indexed."""
    assets = Assets(
        stylesheet_href=stylesheet_href,
        scripts=(live_script_src,) if live_script_src else (),
        noindex=True,
    )
    return document(site, build_body(site), assets)


def render_site(site: Site, options: RenderOptions = RenderOptions()) -> SiteBundle:
    css = render_css(site)
    base_url = options.base_url
    assets = Assets(
        csp=content_security_policy(css, for_meta=True),
        inline_css=css,
        scripts=("pwa.js",),
        manifest=True,
    )
    files: dict[str, bytes] = {
        "index.html": document(site, build_body(site), assets, base_url).encode(),
        "manifest.webmanifest": manifest(site).encode(),
        "favicon.svg": favicon_svg(site.name, site.theme).encode(),
        "pwa.js": PWA_JS.encode(),
    }
    files["sw.js"] = service_worker(files).encode()
    files["robots.txt"] = robots_txt(base_url).encode()
    if base_url:
        files["sitemap.xml"] = sitemap_xml(base_url).encode()
    return SiteBundle(files=files, csp=content_security_policy(css))
