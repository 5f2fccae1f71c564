"""An incremental reader for one streamed JSON object with one array of objects in it.

A model streams ``{"name": ..., "theme": ..., "sections": [{...}, {...}]}`` a
few characters at a time. The reader follows the bytes as they come and hands
over, the moment they are complete, the fields before the array (the *prefix*:
a site's header, a refinement's summary) and each object of the array (a
section, an edit). It never waits for the whole document.

Only structural characters are looked at: a regular expression jumps to the
next ``"{}[],:`` outside strings and to the next ``"`` or ``\\`` inside one,
so a section costs a handful of regex steps plus one ``json.loads`` of its own
text. Anything before the first ``{`` (a Markdown fence from a server that
ignores structured output) and after the last ``}`` is ignored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Union

_STRUCTURE = re.compile(r'["{}\[\],:]')
_IN_STRING = re.compile(r'["\\]')


class MalformedJson(ValueError):
    """The stream is not one JSON object (unbalanced brackets, bad prefix, cut short)."""


@dataclass(frozen=True)
class Prefix:
    """The object's members before the array, as parsed JSON."""

    fields: dict[str, Any]


@dataclass(frozen=True)
class Item:
    """One complete object of the array: its position, and its value or why it is not JSON."""

    index: int
    value: Any
    error: str | None = None


Piece = Union[Prefix, Item]


class ObjectStreamReader:
    """Feed text chunks; get ``Prefix`` and ``Item`` pieces as soon as they close."""

    def __init__(self, array_key: str) -> None:
        self.array_key = array_key
        self._buf = ""
        self._pos = 0
        self._stack: list[str] = []
        self._in_string = False
        self._string_start = -1
        self._start = -1  # index of the document's "{"
        self._end = -1  # index of its closing "}"
        self._expect_key = False  # at depth 1, the next string is a member name
        self._key: str | None = None  # the member name whose value comes next (depth 1)
        self._key_start = -1
        self._in_array = False
        self._item_start = -1
        self._items = 0
        self.prefix_seen = False

    @property
    def complete(self) -> bool:
        return self._end >= 0

    @property
    def items(self) -> int:
        return self._items

    def feed(self, chunk: str) -> list[Piece]:
        if self.complete:
            return []
        self._buf += chunk
        pieces: list[Piece] = []
        buf = self._buf
        pos = self._pos
        length = len(buf)
        if self._start < 0:
            found = buf.find("{", pos)
            if found < 0:
                self._pos = length
                return pieces
            self._start = found
            self._stack.append("{")
            self._expect_key = True
            pos = found + 1
        while pos < length:
            if self._in_string:
                match = _IN_STRING.search(buf, pos)
                if match is None:
                    pos = length
                    break
                at = match.start()
                if buf[at] == "\\":
                    if at + 1 >= length:  # the escaped character has not arrived yet
                        pos = at
                        break
                    pos = at + 2
                    continue
                self._in_string = False
                pos = at + 1
                if self._expect_key and len(self._stack) == 1:
                    self._key = json.loads(buf[self._string_start : pos])
                    self._key_start = self._string_start
                    self._expect_key = False
                continue
            match = _STRUCTURE.search(buf, pos)
            if match is None:
                pos = length
                break
            at = match.start()
            char = buf[at]
            pos = at + 1
            if char == '"':
                self._in_string = True
                self._string_start = at
            elif char == "{" or char == "[":
                self._open(char, at, pieces)
            elif char == "}" or char == "]":
                self._close(char, at, pieces)
                if self.complete:
                    break
            elif char == "," and len(self._stack) == 1:
                self._expect_key = True
        self._pos = pos
        return pieces

    def _open(self, char: str, at: int, pieces: list[Piece]) -> None:
        depth = len(self._stack)
        if depth == 1 and char == "[" and self._key == self.array_key and not self._in_array:
            self._in_array = True
            pieces.append(Prefix(self._prefix()))
        elif depth == 2 and char == "{" and self._in_array:
            self._item_start = at
        self._stack.append(char)

    def _close(self, char: str, at: int, pieces: list[Piece]) -> None:
        if not self._stack or (self._stack[-1] == "{") != (char == "}"):
            raise MalformedJson(f"unexpected {char!r} at character {at}")
        self._stack.pop()
        depth = len(self._stack)
        if depth == 2 and char == "}" and self._in_array and self._item_start >= 0:
            text = self._buf[self._item_start : at + 1]
            self._item_start = -1
            try:
                pieces.append(Item(self._items, json.loads(text)))
            except (json.JSONDecodeError, RecursionError) as exc:
                pieces.append(Item(self._items, text, f"not valid JSON ({exc})"))
            self._items += 1
        elif depth == 1 and char == "]" and self._in_array:
            self._in_array = False
            self._key = None
        elif depth == 0:
            self._end = at

    def _prefix(self) -> dict[str, Any]:
        self.prefix_seen = True
        head = self._buf[self._start : self._key_start].rstrip()
        if head.endswith(","):
            head = head[:-1]
        try:
            fields = json.loads(head + "}")
        except json.JSONDecodeError as exc:
            raise MalformedJson(f"the fields before {self.array_key!r} are not valid JSON ({exc})") from exc
        if not isinstance(fields, dict):
            raise MalformedJson("the document is not a JSON object")
        return fields

    def document(self) -> dict[str, Any]:
        """The whole object once it has closed; ``MalformedJson`` if it never did."""
        if not self.complete:
            if self._start < 0:
                raise MalformedJson("the answer contains no JSON object")
            raise MalformedJson("the JSON ended before the document was complete")
        try:
            value = json.loads(self._buf[self._start : self._end + 1])
        except (json.JSONDecodeError, RecursionError) as exc:
            raise MalformedJson(f"not valid JSON ({exc})") from exc
        if not isinstance(value, dict):
            raise MalformedJson("the document is not a JSON object")
        return value
