"""robots.txt and sitemap.xml.

A sitemap needs absolute URLs, so it exists only when the site's address is
known; without one, robots.txt still allows crawling but names no sitemap.
"""

from __future__ import annotations

from xml.sax.saxutils import escape


def robots_txt(base_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines += ["", f"Sitemap: {base_url}sitemap.xml"]
    return "\n".join(lines) + "\n"


def sitemap_xml(base_url: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"  <url><loc>{escape(base_url)}</loc></url>\n"
        "</urlset>\n"
    )
