"""What the streamed array's items are, and how each is checked: sections or edits.

A *part* turns one JSON item into generation events, raising ``InvalidSpec``
(with the item's JSON path) when it is not usable, and says what to send back
when a repair is needed and what to tell when repairs ran out. The generator's
streaming loop (``core.llm.remote.generator``) is the same for both.
"""

from __future__ import annotations

from typing import Any

from core.errors import InvalidSpec
from core.llm.port import (
    EditGenerated,
    GenerationEvent,
    HeaderGenerated,
    PartSkipped,
    SectionGenerated,
    Summary,
)
from core.llm.remote.client import OutputSchema
from core.llm.remote.jsonstream import Item
from core.site.edits import apply_edits
from core.site.schema import (
    edits_schema,
    header_schema,
    parse_edits,
    parse_header,
    parse_section,
    section_schema,
)
from core.site.site import Site
from core.site.values import Language

MAX_SECTIONS = 20


def site_output() -> OutputSchema:
    from core.site.schema import site_schema

    return OutputSchema("site", site_schema())


def refine_output() -> OutputSchema:
    """``{"summary": str, "edits": [...]}``: the edit list schema with a one-line summary first."""
    base = edits_schema()
    schema: dict[str, Any] = {
        "title": "Refinement",
        "type": "object",
        "properties": {
            "summary": {"type": "string", "maxLength": 300},
            "edits": {**base["properties"]["edits"], "minItems": 0},
        },
        "required": ["summary", "edits"],
        "additionalProperties": False,
    }
    if "$defs" in base:
        schema["$defs"] = base["$defs"]
    return OutputSchema("refinement", schema)


def _moved(error: InvalidSpec, old: str, new: str) -> InvalidSpec:
    path = new + error.path[len(old) :] if error.path.startswith(old) else error.path
    return InvalidSpec(path, error.message)


class SectionsPart:
    """Items of ``$.sections`` of a new site; the prefix is the site's header."""

    label = "section"
    array_key = "sections"

    def __init__(self) -> None:
        self.header_ready = False
        self.count = 0
        self.repair_output = OutputSchema("section", section_schema())
        self.header_output = OutputSchema("site_header", header_schema())

    @property
    def gate_open(self) -> bool:
        return self.header_ready

    def header(self, fields: dict[str, Any]) -> list[GenerationEvent]:
        header = parse_header(fields)
        self.header_ready = True
        return [HeaderGenerated(header)]

    def path(self, item: Item) -> str:
        return f"$.sections[{item.index}]"

    def check(self, item: Item, value: Any) -> list[GenerationEvent]:
        if self.count >= MAX_SECTIONS:
            return []  # a site holds at most 20 sections; the rest is dropped, not an error
        section = parse_section(value, item.index)
        self.count += 1
        return [SectionGenerated(section)]

    def describe(self, value: Any) -> str:
        kind = value.get("kind") if isinstance(value, dict) else None
        return f'section {kind!r}' if isinstance(kind, str) else "section"

    def skipped(self, item: Item, value: Any, error: InvalidSpec) -> PartSkipped:
        kind = value.get("kind") if isinstance(value, dict) else None
        return PartSkipped("section", kind if isinstance(kind, str) else "", error.path, error.message)

    def from_repair(self, value: Any) -> Any:
        return value


class EditsPart:
    """Items of ``$.edits`` of a refinement, each tried on the site as edited so far."""

    label = "edit"
    array_key = "edits"

    def __init__(self, site: Site, language: Language) -> None:
        self.site = site
        self.language = language
        self.summary_sent = False
        output = edits_schema()
        self.repair_output = OutputSchema("edit_list", output)

    @property
    def gate_open(self) -> bool:
        return True

    def summary(self, fields: dict[str, Any]) -> list[GenerationEvent]:
        text = fields.get("summary")
        if self.summary_sent or not isinstance(text, str) or not text.strip():
            return []
        self.summary_sent = True
        return [Summary(" ".join(text.split())[:300], self.language)]

    def path(self, item: Item) -> str:
        return f"$.edits[{item.index}]"

    def check(self, item: Item, value: Any) -> list[GenerationEvent]:
        where = self.path(item)
        try:
            edit = parse_edits({"edits": [value]}).edits[0]
            site, _ = apply_edits(self.site, [edit])
        except InvalidSpec as error:
            raise _moved(error, "$.edits[0]", where) from error
        self.site = site
        return [EditGenerated(edit)]

    def describe(self, value: Any) -> str:
        op = value.get("op") if isinstance(value, dict) else None
        return f"edit {op!r}" if isinstance(op, str) else "edit"

    def skipped(self, item: Item, value: Any, error: InvalidSpec) -> PartSkipped:
        op = value.get("op") if isinstance(value, dict) else None
        kind = op if isinstance(op, str) else ""
        section = value.get("section") if isinstance(value, dict) else None
        if isinstance(section, dict) and isinstance(section.get("kind"), str):
            kind = section["kind"]
        return PartSkipped("edit", kind, error.path, error.message)

    def from_repair(self, value: Any) -> Any:
        # The repair answer is an edit list; its first operation replaces the bad one.
        if isinstance(value, dict) and isinstance(value.get("edits"), list) and value["edits"]:
            return value["edits"][0]
        return value
