"""Jinja2 pages: autoescaped, every sentence through the message catalog (``t``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from core.messages import say, say_in
from core.site.values import Language
from web.security import secured

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(name: str, locale: Language, status: int = 200, **values: Any) -> HTMLResponse:
    template = _ENV.get_template(name)

    def t(key: str, **params: Any) -> str:
        return say(locale, key, **params)

    def tc(context: str, key: str) -> str:
        try:
            return say_in(locale, context, key)
        except KeyError:
            return key

    html = template.render(t=t, tc=tc, lang=locale.replace("_", "-"), **values)
    response = HTMLResponse(html, status_code=status)
    return secured(response)  # type: ignore[return-value]
