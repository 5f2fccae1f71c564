"""Fitting free text into the spec's bounds.

User text (names, headlines, addresses) arrives with any length; cutting it at
a word boundary with an ellipsis reads better than a hard cut mid-word, and
keeps every generated field inside the schema.
"""

from __future__ import annotations

import re

from core.slugs import slugify

_SPACES = re.compile(r"\s+")


def fit(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters, cut at a word boundary."""
    clean = _SPACES.sub(" ", text).strip()
    if len(clean) <= limit:
        return clean
    cut = clean[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:-–—") + "…"


def slug(text: str, limit: int = 30) -> str:
    """``text`` as lower-case ASCII letters and digits only, for invented e-mail domains."""
    return slugify(text, limit=200).replace("-", "")[:limit] or "site"


def domain_label(name: str, limit: int = 30) -> str:
    """An invented e-mail domain from a name, whole words only: "bostonfamilyrun", never "…restaura"."""
    label = ""
    for word in slugify(name, limit=200).split("-"):
        if label and len(label) + len(word) > limit:
            break
        label += word
    return label[:limit] or "site"
