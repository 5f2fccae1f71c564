"""The site's icon: its initials on a rounded square in the brand colour.

SVG scales to every size a browser or home screen asks for, so one file
serves as favicon and PWA icon.
"""

from __future__ import annotations

import re

from core.site.theme import Theme
from pipeline.ast import h
from pipeline.html import to_html
from pipeline.tokens import resolve

_WORD = re.compile(r"[^\W_]+")


def initials(name: str) -> str:
    """Up to two letters: "Padaria Lusitana" -> "PL", "Nimbus" -> "N"."""
    words = _WORD.findall(name)
    if not words:
        return name.strip()[:1] or "•"
    return "".join(w[0] for w in words[:2]).upper()


def favicon_svg(name: str, theme: Theme) -> str:
    colors = resolve(theme)
    letters = initials(name)
    return to_html(
        h(
            "svg",
            {"xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 64 64"},
            h("rect", {"width": 64, "height": 64, "rx": 14, "fill": colors.btn}),
            h(
                "text",
                {
                    "x": 32,
                    "y": 32,
                    "dy": ".35em",
                    "text-anchor": "middle",
                    "font-family": "system-ui,-apple-system,Segoe UI,Roboto,sans-serif",
                    "font-size": 30 if len(letters) < 2 else 26,
                    "font-weight": 700,
                    "fill": colors.on_btn,
                },
                letters,
            ),
        )
    )
