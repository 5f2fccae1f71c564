"""Specialties the offline generator has no item copy for (specialties.json, data).

A Thai restaurant must not get the restaurant copy's cod and octopus, nor a yoga studio the
school's English courses: when a description names such a specialty, the site is built
around the user's own items, or neutral ones, and the kind may move to one whose page fits.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from core.site.business import BUSINESS_KINDS, BusinessKind
from core.site.presets import fold


@dataclass(frozen=True)
class Specialty:
    name: str
    kind: BusinessKind | None  # the kind whose page fits it, None: keep the kind the words gave


@cache
def _table() -> tuple[tuple[Specialty, re.Pattern[str]], ...]:
    data = json.loads((Path(__file__).with_name("specialties.json")).read_text(encoding="utf-8"))
    rows = []
    for name, entry in data.items():
        if name.startswith("_"):
            continue
        kind = entry.get("kind")
        if kind is not None and kind not in BUSINESS_KINDS:
            raise ValueError(f"specialties.json: {name} names unknown kind {kind!r}")
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in entry["words"]) + ")")
        rows.append((Specialty(name, cast("BusinessKind | None", kind)), pattern))
    return tuple(rows)


def specialty_in(text: str) -> Specialty | None:
    """The earliest-named specialty without item copy, or None."""
    folded = fold(text)
    best: tuple[int, Specialty] | None = None
    for specialty, pattern in _table():
        match = pattern.search(folded)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), specialty)
    return best[1] if best else None
