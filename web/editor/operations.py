"""What the editor's script sends, turned into the site model's edit operations.

The browser never sends a site or markup: it names a field (``{"op": "text", "section": 2,
"path": "items.1.title", "value": "..."}``), a move, a section kind or a theme choice. Each
becomes a ``core.site.edits`` operation; the changed section is parsed by the site schema
(lengths, links, prices), so whatever is typed ends up as escaped text on the page.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from core.errors import InvalidSpec
from core.llm.offline.compose import build_section
from core.llm.offline.editor import Editor
from core.site.edits import (
    AddSection,
    Edit,
    MoveSection,
    RemoveSection,
    ReplaceSection,
    SetIdentity,
    SetTheme,
)
from core.site.presets import PRESETS, dark_variant, light_variant, theme_with_primary
from core.site.schema import parse_section
from core.site.sections import SECTION_KINDS
from core.site.site import Site
from core.site.theme import FONT_PAIRINGS

_PATH = re.compile(r"^[a-z_]+(\.(\d{1,2}|[a-z_]+)){0,5}$")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def edits_for(site: Site, body: dict[str, Any]) -> tuple[list[Edit], str]:
    """(the edits, a short label for ``/history``) for one request of the editor's script."""
    try:
        return _edits_for(site, body)
    except ValidationError as error:  # an operation's own bounds (a name of 300 characters)
        where = ".".join(str(part) for part in error.errors()[0]["loc"]) if error.errors() else ""
        raise InvalidSpec(f"$.{where}", "not a valid value") from error


def _edits_for(site: Site, body: dict[str, Any]) -> tuple[list[Edit], str]:
    op = body.get("op")
    if op == "text":
        index = _section_index(site, body.get("section"))
        path = _path(body.get("path"))
        data = site.sections[index].model_dump(mode="json")
        _set(data, path, _value(path, body.get("value")))
        return [ReplaceSection(index=index, section=parse_section(data, index))], f"{site.sections[index].kind}: {body['path']}"
    if op == "site_text":
        field = body.get("path")
        if field not in ("name", "tagline"):
            raise InvalidSpec("$.path", "not an editable field")
        value = _text(body.get("value"))
        if field == "name" and not value:
            raise InvalidSpec("$.name", "a site needs a name")
        return [SetIdentity(name=value) if field == "name" else SetIdentity(tagline=value)], field
    if op == "move_section":
        index = _section_index(site, body.get("from"))
        to = _section_index(site, body.get("to"))
        return [MoveSection(index=index, to=to)], f"{site.sections[index].kind}: {index + 1} → {to + 1}"
    if op == "move_item":
        index = _section_index(site, body.get("section"))
        path = _path(body.get("list"))
        data = site.sections[index].model_dump(mode="json")
        items = _get(data, path)
        start, end = body.get("from"), body.get("to")
        if not isinstance(items, list) or not isinstance(start, int) or not isinstance(end, int) or not (
            0 <= start < len(items) and 0 <= end < len(items)
        ):
            raise InvalidSpec("$.list", "no such item")
        items.insert(end, items.pop(start))
        return [ReplaceSection(index=index, section=parse_section(data, index))], f"{site.sections[index].kind}: {body['list']} ↕"
    if op == "add_section":
        kind = body.get("kind")
        if kind not in SECTION_KINDS or kind == "footer":
            raise InvalidSpec("$.kind", "not a section kind")
        section = build_section(kind, Editor(site, site.language).voice())
        position = body.get("position")
        at = position if isinstance(position, int) and 0 <= position <= len(site.sections) else None
        return [AddSection(section=section, position=at)], f"+ {kind}"
    if op == "remove_section":
        index = _section_index(site, body.get("section"))
        return [RemoveSection(index=index)], f"− {site.sections[index].kind}"
    if op == "theme":
        return [SetTheme(theme=_theme(site, body))], "theme"
    raise InvalidSpec("$.op", "unknown operation")


def _theme(site: Site, body: dict[str, Any]) -> Any:
    theme = site.theme
    name = body.get("preset")
    if isinstance(name, str) and name in PRESETS:
        theme = PRESETS[name]
        theme = theme if site.theme.mode == "light" else dark_variant(theme)
    mode = body.get("mode")
    if mode in ("light", "dark") and mode != theme.mode:
        theme = dark_variant(theme) if mode == "dark" else light_variant(theme)
    primary = body.get("primary")
    if isinstance(primary, str) and _HEX.match(primary):
        theme = theme_with_primary(theme, primary.lower(), theme.mode)
    fonts = body.get("fonts")
    if fonts in FONT_PAIRINGS:
        theme = theme.model_copy(update={"fonts": fonts})
    radius = body.get("radius")
    if isinstance(radius, int) and 0 <= radius <= 32:
        theme = theme.model_copy(update={"radius": radius})
    return theme


def _section_index(site: Site, value: Any) -> int:
    if not isinstance(value, int) or not 0 <= value < len(site.sections):
        raise InvalidSpec("$.section", "no such section")
    return value


def _path(value: Any) -> list[str | int]:
    if not isinstance(value, str) or not _PATH.match(value):
        raise InvalidSpec("$.path", "not a field")
    return [int(part) if part.isdigit() else part for part in value.split(".")]


def _get(data: Any, path: list[str | int]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError) as error:
            raise InvalidSpec("$.path", "no such field") from error
    return data


def _set(data: Any, path: list[str | int], value: Any) -> None:
    parent = _get(data, path[:-1])
    last = path[-1]
    current = _get(parent, [last])
    if isinstance(current, dict | list | bool):
        raise InvalidSpec("$.path", "not a text field")
    parent[last] = value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidSpec("$.value", "text expected")
    return " ".join(value.split())  # the page edits plain text: line breaks and runs of spaces fold


def _value(path: list[str | int], value: Any) -> Any:
    text = _text(value)
    if path[-1] == "price":
        return parse_price(text)
    return text


def parse_price(text: str) -> float:
    """"12,50 €", "R$ 1.234,90", "$12.50" -> the number (the last separator followed by 1-2 digits is decimal)."""
    digits = re.sub(r"[^0-9.,]", "", text)
    found = re.match(r"^(.*?)[.,](\d{1,2})$", digits)
    whole, cents = (found.group(1), found.group(2)) if found else (digits, "")
    whole = re.sub(r"[.,]", "", whole)
    if not whole and not cents:
        raise InvalidSpec("$.value", "a price needs a number")
    return float(f"{whole or 0}.{cents or 0}")
