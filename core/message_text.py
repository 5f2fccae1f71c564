"""What a chat message says, once the characters nobody can see are set aside.

``str.strip()`` removes whitespace only, so a message of zero-width spaces, joiners, a byte
order mark or direction marks (Unicode "format" characters) looked like text and a site was
built from nothing. Here a message is trimmed of every invisible character at its ends --
whitespace, format (Cf), control (Cc) and the few letters that render blank (the Hangul
fillers, the blank braille pattern) -- and control characters and lone surrogates are dropped
anywhere (tab and newline stay): no one types them, and stores refuse them (PostgreSQL refuses
NUL in text; a lone surrogate has no UTF-8 form).
Invisible characters *inside* the text stay: the zero-width joiner builds emoji sequences and
the non-joiner is part of how Persian and Indic scripts are written. What is left is NFC, so
the same words typed on two keyboards are the same text. An empty result is an empty message.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf"})  # control; format (zero-width, joiners, BOM, marks, tags)
# Characters of other categories that render as nothing: the Hangul fillers, the blank braille
# pattern, the combining grapheme joiner.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")
_KEPT_CONTROLS = frozenset("\n\t")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cs"})  # control characters; lone surrogates (no UTF-8 for them)
_NEWLINES = re.compile(r"\r\n?")


def _invisible(char: str) -> bool:
    return char.isspace() or char in _BLANK_LOOKING or unicodedata.category(char) in _INVISIBLE_CATEGORIES


def clean_message(raw: str) -> str:
    """The message as Studio reads it: NFC, no control characters, no invisible characters at the ends."""
    text = _NEWLINES.sub("\n", raw)
    text = "".join(c for c in text if c in _KEPT_CONTROLS or unicodedata.category(c) not in _DROPPED_CATEGORIES)
    text = unicodedata.normalize("NFC", text)
    start, end = 0, len(text)
    while start < end and _invisible(text[start]):
        start += 1
    while end > start and _invisible(text[end - 1]):
        end -= 1
    return text[start:end]
