"""The document tree every output is produced from.

HTML, the preview body and the React export all serialize the same nodes, so
a section is written once and cannot drift between outputs. Nodes are plain
frozen values: builders return them, serializers walk them, nothing mutates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Union

# An attribute value of None marks a boolean attribute (``<details open>``).
Attr = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class Text:
    """Character data; always escaped by the serializers."""

    value: str


@dataclass(frozen=True, slots=True)
class Element:
    tag: str
    attrs: tuple[Attr, ...] = ()
    children: tuple[Node, ...] = ()

    def attr(self, name: str) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Fragment:
    """Siblings without a wrapper, so builders can return several nodes."""

    children: tuple[Node, ...] = ()


Node = Union[Element, Text, Fragment]

# What builders may pass as children: falsy values are dropped so optional
# content reads naturally (``h("p", None, item.role or None)``).
Child = Union[Node, str, None, bool, Iterable["Child"]]
AttrValue = Union[str, int, bool, None]


def _flatten(children: Iterable[Child], out: list[Node]) -> None:
    for child in children:
        if child is None or child is False or child is True or child == "":
            continue
        if isinstance(child, str):
            out.append(Text(child))
        elif isinstance(child, Fragment):
            out.extend(child.children)
        elif isinstance(child, Element | Text):
            out.append(child)
        else:
            _flatten(child, out)


def h(tag: str, attrs: Mapping[str, AttrValue] | None = None, /, *children: Child) -> Element:
    """Build an element; ``True`` is a boolean attribute, ``False``/``None`` omit it."""
    pairs: list[Attr] = []
    if attrs:
        for key, value in attrs.items():
            if value is None or value is False:
                continue
            pairs.append((key, None if value is True else str(value)))
    out: list[Node] = []
    _flatten(children, out)
    return Element(tag, tuple(pairs), tuple(out))


def fragment(*children: Child) -> Fragment:
    out: list[Node] = []
    _flatten(children, out)
    return Fragment(tuple(out))


def walk(node: Node) -> Iterable[Node]:
    """Every node in document order, the node itself first."""
    yield node
    if isinstance(node, Element | Fragment):
        for child in node.children:
            yield from walk(child)


def text_of(node: Node) -> str:
    return "".join(n.value for n in walk(node) if isinstance(n, Text))
