"""The pages the edge answers itself, one per locale, from the core message catalog.

They are rendered into the edge's config at start-up, keyed by BCP 47 tag
(``pt-BR``, ``pt-PT``, ``en``, ``es``); Lua picks one from ``Accept-Language``
(lua/lang.lua). A page carries its own inline style, allowed by a hash in the
page CSP rather than by ``'unsafe-inline'``.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from core.i18n.locales import LOCALES, Locale, html_lang
from core.messages import say

PAGES: tuple[str, ...] = ("not_found", "rate_limited", "quota", "unavailable", "blocked")
# Where a page shows the request's id: lua/pages.lua puts the id (HTML-escaped) in its place.
REQUEST_ID_MARK = "PM-REQUEST-ID"

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;"
    "line-height:1.5;color:#1f2328;background:#fff}h1{font-size:1.5rem}"
)
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
PAGE_CSP = (
    f"default-src 'none'; style-src '{STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def page(name: str, language: Locale) -> str:
    title = say(language, f"edge_{name}_title")
    text = say(language, f"edge_{name}", request_id=REQUEST_ID_MARK)
    return (
        f'<!doctype html><html lang="{html_lang(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body><main><h1>{escape(title)}</h1>"
        f"<p>{escape(text)}</p></main></body></html>\n"
    )


def all_pages() -> dict[str, dict[str, str]]:
    return {name: {html_lang(locale): page(name, locale) for locale in LOCALES} for name in PAGES}
