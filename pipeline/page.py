"""The whole HTML document: head metadata around the body from ``layout``.

Published pages and the live preview differ only in how CSS and scripts are
attached, so both come from ``document`` with a different ``Assets``.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n.locales import html_lang
from core.site.site import Site
from pipeline.ast import Child, Element, Node, h
from pipeline.html import to_html
from pipeline.images.names import icon_name
from pipeline.jsonld import script as jsonld_script
from pipeline.layout import Body
from pipeline.tokens import resolve


@dataclass(frozen=True, slots=True)
class Assets:
    """How the page gets its style and behaviour."""

    csp: str | None = None  # published: also in a <meta http-equiv>
    inline_css: str | None = None  # published: one <style>, allowed by hash
    stylesheet_href: str | None = None  # preview: <link rel=stylesheet>
    scripts: tuple[str, ...] = ()  # external, deferred
    manifest: bool = False
    noindex: bool = False


def icon_links(site: Site) -> list[Child]:
    """The owner's logo as favicon and home-screen icon (PNG files made from it), else the initials SVG."""
    if site.logo and site.image(site.logo) is not None:
        return [
            h("link", {"rel": "icon", "href": icon_name(site.logo, "favicon-32.png"), "sizes": "32x32", "type": "image/png"}),
            h("link", {"rel": "apple-touch-icon", "href": icon_name(site.logo, "apple-touch-icon.png")}),
        ]
    return [h("link", {"rel": "icon", "href": "favicon.svg", "type": "image/svg+xml"})]


def head(site: Site, assets: Assets, base_url: str | None) -> Element:
    seo = site.seo
    colors = resolve(site.theme)
    card = "summary_large_image" if seo.social_image else "summary"
    meta: list[Child] = [
        h("meta", {"charset": "utf-8"}),
        assets.csp and h("meta", {"http-equiv": "Content-Security-Policy", "content": assets.csp}),
        h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        h("title", None, seo.title),
        h("meta", {"name": "description", "content": seo.description}),
        seo.keywords and h("meta", {"name": "keywords", "content": ", ".join(seo.keywords)}),
        assets.noindex and h("meta", {"name": "robots", "content": "noindex"}),
        h("meta", {"name": "theme-color", "content": colors.btn}),
        h("meta", {"name": "color-scheme", "content": "dark" if colors.dark else "light"}),
        base_url and h("link", {"rel": "canonical", "href": base_url}),
        h("meta", {"property": "og:type", "content": "website"}),
        h("meta", {"property": "og:site_name", "content": site.name}),
        h("meta", {"property": "og:title", "content": seo.title}),
        h("meta", {"property": "og:description", "content": seo.description}),
        base_url and h("meta", {"property": "og:url", "content": base_url}),
        seo.social_image and h("meta", {"property": "og:image", "content": seo.social_image}),
        h("meta", {"name": "twitter:card", "content": card}),
        h("meta", {"name": "twitter:title", "content": seo.title}),
        h("meta", {"name": "twitter:description", "content": seo.description}),
        seo.social_image and h("meta", {"name": "twitter:image", "content": seo.social_image}),
        icon_links(site),
        assets.manifest and h("link", {"rel": "manifest", "href": "manifest.webmanifest"}),
        assets.inline_css is not None and h("style", None, assets.inline_css),
        assets.stylesheet_href and h("link", {"rel": "stylesheet", "href": assets.stylesheet_href}),
        [h("script", {"src": src, "defer": True}) for src in assets.scripts],
        jsonld_script(site, base_url),
    ]
    return h("head", None, meta)


def body_html(body: Body) -> str:
    return "".join(to_html(node) for node in body.nodes())


def document(site: Site, body: Body, assets: Assets, base_url: str | None = None) -> str:
    root: Node = h(
        "html", {"lang": html_lang(site.language)}, head(site, assets, base_url), h("body", None, body.nodes())
    )
    return "<!doctype html>\n" + to_html(root) + "\n"
