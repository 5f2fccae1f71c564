"""Model answers for the stand-in: valid sites, broken sections, edit lists, as JSON text."""

from __future__ import annotations

import copy
import json
from typing import Any

from tests.core.site.samples import sample_site_data


def site_data(kinds: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The sample site, its sections limited to ``kinds`` (in that order) when given."""
    data = sample_site_data()
    if kinds is not None:
        by_kind = {s["kind"]: s for s in data["sections"]}
        data["sections"] = [copy.deepcopy(by_kind[k]) for k in kinds]
    return data


def site_text(data: dict[str, Any] | None = None, indent: int | None = None) -> str:
    return json.dumps(data or site_data(), ensure_ascii=False, indent=indent)


def section_text(section: dict[str, Any]) -> str:
    return json.dumps(section, ensure_ascii=False)


def refinement_text(summary: str, edits: list[dict[str, Any]]) -> str:
    return json.dumps({"summary": summary, "edits": edits}, ensure_ascii=False)


def edit_list_text(edit: dict[str, Any]) -> str:
    return json.dumps({"edits": [edit]}, ensure_ascii=False)


FAQ = {"kind": "faq", "heading": "Perguntas frequentes",
       "items": [{"question": "Fazem encomendas?", "answer": "Sim, com 24 horas de antecedência."}]}
DARK_GREEN = {"palette": {"primary": "#14532d", "accent": "#c27c0e", "background": "#fffdf8",
                          "surface": "#f4efe6", "text": "#1d1b16", "muted": "#5b554b"},
              "mode": "light", "fonts": "humanist", "radius": 12}
