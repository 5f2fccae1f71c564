"""AST -> JSX source, for the React export.

Every text and attribute value becomes a JavaScript string literal inside an
expression container (``{"..."}``, written by ``json.dumps``), so braces,
quotes and angle brackets in user text are data, never syntax.
"""

from __future__ import annotations

import json
import re

from pipeline.ast import Element, Fragment, Node, Text
from pipeline.html import check_attr_name

_PLAIN = re.compile(r"[\w \-#./:,()%+=?@]*")
RENAMES = {
    "class": "className",
    "for": "htmlFor",
    "tabindex": "tabIndex",
    "colspan": "colSpan",
    "rowspan": "rowSpan",
    "datetime": "dateTime",
    "srcset": "srcSet",
    "fetchpriority": "fetchPriority",  # React 19's prop (18 knew only the lowercase, which its types refuse)
    "crossorigin": "crossOrigin",
    "http-equiv": "httpEquiv",
    "charset": "charSet",
    "xlink:href": "xlinkHref",
    "xml:lang": "xmlLang",
}


def jsx_attr_name(name: str) -> str:
    """React's spelling: aria-*/data-* stay hyphenated, other hyphenated (SVG) names camelCase."""
    if name in RENAMES:
        return RENAMES[name]
    if name.startswith(("aria-", "data-")) or "-" not in name:
        return name
    head, *rest = name.split("-")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def literal(value: str) -> str:
    return "{" + json.dumps(value, ensure_ascii=False) + "}"


def attr_value(value: str) -> str:
    """A plain quoted attribute where JSX would read it verbatim, else a string literal.

    JSX attribute strings decode HTML entities and cannot hold a quote, so
    anything with "&", quotes, braces or angle brackets goes through JSON.
    """
    return f'"{value}"' if _PLAIN.fullmatch(value) else literal(value)


def to_jsx(node: Node, indent: int = 0) -> str:
    lines: list[str] = []
    _write(node, indent, lines)
    return "\n".join(lines)


def _write(node: Node, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    if isinstance(node, Text):
        lines.append(pad + literal(node.value))
        return
    if isinstance(node, Fragment):
        lines.append(pad + "<>")
        for child in node.children:
            _write(child, depth + 1, lines)
        lines.append(pad + "</>")
        return
    _element(node, depth, lines)


def _element(node: Element, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    parts = [node.tag]
    for name, value in node.attrs:
        check_attr_name(name)
        parts.append(jsx_attr_name(name) if value is None else f"{jsx_attr_name(name)}={attr_value(value)}")
    opening = pad + "<" + " ".join(parts)
    if not node.children:
        lines.append(opening + " />")
        return
    lines.append(opening + ">")
    for child in node.children:
        _write(child, depth + 1, lines)
    lines.append(f"{pad}</{node.tag}>")
