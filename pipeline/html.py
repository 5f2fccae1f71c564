"""HTML5 serialization of the document tree.

This is the one place text becomes markup, so the safety rules live here and
are enforced rather than trusted: every text and attribute value is escaped,
event-handler attributes are refused, and the only scripts allowed are
external ones (``src``) and JSON data blocks, whose content is escaped so user
text can never close the element.
"""

from __future__ import annotations

from pipeline.ast import Element, Fragment, Node, Text

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
DATA_SCRIPT_TYPES = frozenset({"application/ld+json", "application/json"})

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# Inside a JSON data block "<" ">" "&" become JSON unicode escapes: the JSON
# value is unchanged but "</script>" or "<!--" cannot appear in the markup.
_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class UnsafeMarkup(ValueError):
    """A tree asked for something the serializer never emits (handlers, inline code)."""


def escape_text(value: str) -> str:
    return value.translate(_TEXT_ESCAPES)


def escape_attr(value: str) -> str:
    return value.translate(_ATTR_ESCAPES)


def escape_json_block(value: str) -> str:
    return value.translate(_JSON_ESCAPES)


def check_attr_name(name: str) -> None:
    if name.lower().startswith("on") or not name or any(c in name for c in " \"'<>/=`"):
        raise UnsafeMarkup(f"attribute {name!r} is not allowed")


def to_html(node: Node) -> str:
    out: list[str] = []
    _write(node, out)
    return "".join(out)


def _write(node: Node, out: list[str]) -> None:
    if isinstance(node, Text):
        out.append(node.value.translate(_TEXT_ESCAPES))
        return
    if isinstance(node, Fragment):
        for child in node.children:
            _write(child, out)
        return
    tag = node.tag
    out.append("<" + tag)
    for name, value in node.attrs:
        check_attr_name(name)
        out.append(" " + name if value is None else f' {name}="{value.translate(_ATTR_ESCAPES)}"')
    out.append(">")
    if tag in VOID:
        if node.children:
            raise UnsafeMarkup(f"<{tag}> cannot have children")
        return
    if tag == "script" or tag == "style":
        out.append(_raw_text(node))
    else:
        for child in node.children:
            _write(child, out)
    out.append(f"</{tag}>")


def _raw_text(node: Element) -> str:
    """Content of a raw-text element, which HTML never unescapes."""
    content = "".join(c.value for c in node.children if isinstance(c, Text))
    if node.tag == "style":
        # Only generated CSS reaches here; it never needs "<".
        if "<" in content:
            raise UnsafeMarkup("style content may not contain '<'")
        return content
    if node.attr("src") is not None:
        if content:
            raise UnsafeMarkup("an external script cannot also have inline code")
        return ""
    if node.attr("type") not in DATA_SCRIPT_TYPES:
        raise UnsafeMarkup("inline executable scripts are not allowed")
    return content.translate(_JSON_ESCAPES)
