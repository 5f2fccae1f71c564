"""The editor's canvas: the site rendered exactly as it is published, with marks telling the page's
script which text is which field of the site model.

Nothing here changes how a site looks: the same ``pipeline`` body is built, then elements whose
text *is* a field's value get ``data-pm-path`` (``items.1.title``), each section's root gets
``data-pm-section``, lists of two or more items get ``data-pm-list``/``data-pm-item`` and
photos ``data-pm-image``. A field the renderer shows transformed (a formatted price is the
exception, matched in its formatted form) is simply not editable in place; the chat still is.
The marks are attributes on escaped text: the canvas shows only what the schema allowed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from core.site.site import Site
from pipeline.ast import Element, Fragment, Node, Text, text_of
from pipeline.layout import Body, Placed, build_body
from pipeline.money import format_price
from pipeline.page import Assets, document

Field = tuple[str, str]  # (path inside the section, the text the page shows)


def canvas_html(site: Site, stylesheet_href: str, scripts: tuple[str, ...]) -> str:
    """The whole canvas document: linked CSS (the page's CSP allows no inline style), the editor's scripts."""
    body = annotate(site, build_body(site))
    return document(site, body, Assets(stylesheet_href=stylesheet_href, scripts=scripts, noindex=True))


def annotate(site: Site, body: Body) -> Body:
    sections = tuple(Placed(p.section, p.ctx, _section(site, p)) for p in body.sections)
    footer = Placed(body.footer.section, body.footer.ctx, _section(site, body.footer))
    header = _mark_fields(body.header, [("name", site.name), ("tagline", site.tagline)], "data-pm-site")
    assert isinstance(header, Element)
    return Body(body.skip, _images(site, header), sections, footer)  # type: ignore[arg-type]


def _index(site: Site, placed: Placed) -> int | None:
    return next((i for i, s in enumerate(site.sections) if s is placed.section), None)


def _section(site: Site, placed: Placed) -> Node:
    index = _index(site, placed)
    node = placed.node
    if index is None or not isinstance(node, Element):
        return node
    data = placed.section.model_dump(mode="json")
    currency = str(data.get("currency") or "EUR")
    fields = list(_fields(data, "", site, currency))
    marked = _mark_fields(node, fields, "data-pm-path")
    assert isinstance(marked, Element)
    node = _mark_lists(marked, data)
    node = _images(site, node)
    assert isinstance(node, Element)
    return Element(node.tag, (*node.attrs, ("data-pm-section", str(index)), ("data-pm-kind", placed.section.kind)), node.children)


def _fields(value: Any, path: str, site: Site, currency: str) -> Iterator[Field]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("kind", "image", "photo", "icon", "href", "src", "currency", "highlighted", "show_hours"):
                continue
            where = f"{path}.{key}" if path else key
            if key == "price" and isinstance(item, int | float):
                for cents in (True, False):
                    yield where, format_price(float(item), currency, site.language, cents=cents, country=site.business.country)
            else:
                yield from _fields(item, where, site, currency)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _fields(item, f"{path}.{n}", site, currency)
    elif isinstance(value, str) and value.strip():
        yield path, value


def _mark_fields(node: Node, fields: list[Field], attr: str) -> Node:
    """Mark, in document order, each element whose only text is a field's value (each field once)."""
    left = list(fields)
    used: set[str] = set()

    def take(text: str) -> str | None:
        for n, (path, value) in enumerate(left):
            if value == text and path not in used:
                used.add(path)
                del left[n]
                return path
        return None

    def visit(node: Node) -> Node:
        if not isinstance(node, Element) or node.tag in ("script", "style", "svg", "title"):
            return node
        if len(node.children) == 1 and isinstance(node.children[0], Text) and not node.attr(attr):
            path = take(node.children[0].value.strip())
            if path is not None:
                return Element(node.tag, (*node.attrs, (attr, path)), node.children)
            return node
        children: list[Node] = []
        for child in node.children:
            if isinstance(child, Text) and len(node.children) > 1:
                path = take(child.value.strip())
                children.append(Element("span", ((attr, path),), (child,)) if path is not None else child)
            else:
                children.append(visit(child))
        return Element(node.tag, node.attrs, tuple(children))

    return visit(node)


def _lists(value: Any, path: str = "") -> Iterator[tuple[str, list[Any]]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _lists(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        if len(value) >= 2:
            yield path, value
        for n, item in enumerate(value):
            yield from _lists(item, f"{path}.{n}")


def _first_text(item: Any) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        for key in ("name", "title", "question", "quote", "label", "value", "alt", "heading"):
            if isinstance(item.get(key), str) and item[key]:
                return str(item[key])
    return ""


def _mark_lists(node: Element, data: dict[str, Any]) -> Element:
    """The element holding a list's items, one child element per item, in the model's order."""
    marked = node
    for path, items in _lists(data):
        firsts = [_first_text(item) for item in items]
        if not all(firsts):
            continue
        marked = _mark_one_list(marked, path, firsts)
    return marked


def _mark_one_list(node: Element, path: str, firsts: list[str]) -> Element:
    done = False

    def visit(element: Element) -> Element:
        nonlocal done
        kids = [c for c in element.children if isinstance(c, Element)]
        if not done and len(kids) == len(firsts) and not element.attr("data-pm-list") and all(
            first in text_of(kid) for kid, first in zip(kids, firsts, strict=True)
        ):
            done = True
            count = iter(range(len(kids)))
            children = tuple(
                Element(c.tag, (*c.attrs, ("data-pm-item", str(next(count)))), c.children) if isinstance(c, Element) else c
                for c in element.children
            )
            return Element(element.tag, (*element.attrs, ("data-pm-list", path)), children)
        return Element(element.tag, element.attrs, tuple(visit(c) if isinstance(c, Element) else c for c in element.children))

    return visit(node)


def _images(site: Site, node: Node) -> Node:
    prefixes = {image.hash[:16]: image.hash for image in site.images}

    def visit(node: Node) -> Node:
        if isinstance(node, Fragment):
            return Fragment(tuple(visit(c) for c in node.children))
        if not isinstance(node, Element):
            return node
        if node.tag == "img":
            src = node.attr("src") or ""
            found = prefixes.get(src[4:20]) if src.startswith("img/") else None
            if found:
                return Element(node.tag, (*node.attrs, ("data-pm-image", found)), node.children)
        return Element(node.tag, node.attrs, tuple(visit(c) for c in node.children))

    return visit(node)
