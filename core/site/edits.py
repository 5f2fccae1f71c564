"""Edit operations: how a refinement changes a site.

A refinement is a list of operations applied atomically to the current
version; the result is validated as a whole and stored as a new version.
Generators (offline or a model) produce these, never a mutated site.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from core.errors import InvalidSpec
from core.site.business import Business, Seo
from core.site.image_edits import (
    AddImage,
    MoveImage,
    PlaceImage,
    RemoveImage,
    ReplaceImage,
    SetImageAlt,
    apply_image_edit,
)
from core.site.sections import Section
from core.site.site import Site
from core.site.theme import Theme
from core.site.values import Language, SpecModel, text

__all__ = [
    "AddImage", "AddSection", "Edit", "EditList", "MoveImage", "MoveSection", "PlaceImage", "RemoveImage",
    "RemoveSection", "ReplaceImage", "ReplaceSection", "SetBusiness", "SetIdentity", "SetImageAlt", "SetSeo",
    "SetTheme", "apply_edits",
]

Index = Annotated[int, Field(ge=0, le=19)]


class AddSection(SpecModel):
    op: Literal["add_section"] = "add_section"
    section: Section
    position: Index | None = None  # None appends (before a trailing footer)


class ReplaceSection(SpecModel):
    op: Literal["replace_section"] = "replace_section"
    index: Index
    section: Section


class RemoveSection(SpecModel):
    op: Literal["remove_section"] = "remove_section"
    index: Index


class MoveSection(SpecModel):
    op: Literal["move_section"] = "move_section"
    index: Index
    to: Index


class SetTheme(SpecModel):
    op: Literal["set_theme"] = "set_theme"
    theme: Theme


class SetSeo(SpecModel):
    op: Literal["set_seo"] = "set_seo"
    seo: Seo


class SetBusiness(SpecModel):
    op: Literal["set_business"] = "set_business"
    business: Business


class SetIdentity(SpecModel):
    op: Literal["set_identity"] = "set_identity"
    name: Annotated[str, text(80, 1)] | None = None
    tagline: Annotated[str, text(160)] | None = None
    language: Language | None = None


Edit = Annotated[
    Union[
        AddSection, ReplaceSection, RemoveSection, MoveSection, SetTheme, SetSeo, SetBusiness, SetIdentity,
        AddImage, PlaceImage, RemoveImage, MoveImage, SetImageAlt, ReplaceImage,
    ],
    Field(discriminator="op"),
]


class EditList(SpecModel):
    """The document a refinement produces; exported as its own JSON Schema."""

    edits: Annotated[list[Edit], Field(min_length=1, max_length=40)]


def apply_edits(site: Site, edits: list[Edit]) -> tuple[Site, list[int]]:
    """Apply ``edits`` in order; return the new site and the indexes of sections that changed.

    Raises ``InvalidSpec`` naming the failing operation when an index is out of
    range or the result is not a valid site; ``site`` itself is never touched.
    """
    data = site.model_dump()
    sections: list[dict[str, object]] = data["sections"]
    changed: list[int] = []  # positions in the final list, tracked through moves

    def shift_after_insert(at: int) -> None:
        for i, c in enumerate(changed):
            if c >= at:
                changed[i] = c + 1

    for n, edit in enumerate(edits):
        where = f"$.edits[{n}]"
        if isinstance(edit, AddSection):
            at = len(sections) if edit.position is None else min(edit.position, len(sections))
            if edit.position is None and sections and sections[-1].get("kind") == "footer":
                at = len(sections) - 1
            shift_after_insert(at)
            sections.insert(at, edit.section.model_dump())
            changed.append(at)
        elif isinstance(edit, ReplaceSection):
            _check_index(where, edit.index, sections)
            sections[edit.index] = edit.section.model_dump()
            if edit.index not in changed:
                changed.append(edit.index)
        elif isinstance(edit, RemoveSection):
            _check_index(where, edit.index, sections)
            del sections[edit.index]
            changed[:] = [c if c < edit.index else c - 1 for c in changed if c != edit.index]
        elif isinstance(edit, MoveSection):
            _check_index(where, edit.index, sections)
            moved = sections.pop(edit.index)
            to = min(edit.to, len(sections))
            sections.insert(to, moved)
            remapped = []
            for c in changed:
                if c == edit.index:
                    remapped.append(to)
                    continue
                c2 = c - 1 if c > edit.index else c
                remapped.append(c2 + 1 if c2 >= to else c2)
            changed[:] = remapped
        elif isinstance(edit, SetTheme):
            data["theme"] = edit.theme.model_dump()
        elif isinstance(edit, SetSeo):
            data["seo"] = edit.seo.model_dump()
        elif isinstance(edit, SetBusiness):
            data["business"] = edit.business.model_dump()
        elif isinstance(edit, SetIdentity):
            for field in ("name", "tagline", "language"):
                value = getattr(edit, field)
                if value is not None:
                    data[field] = value
        else:
            before = [repr(s) for s in sections]
            apply_image_edit(data, edit, where)
            sections = data["sections"]
            if len(sections) != len(before):  # a gallery was added or emptied: positions moved
                changed[:] = []
            changed.extend(i for i, s in enumerate(sections) if i >= len(before) or repr(s) != before[i])
    from core.site.schema import rebuild_site  # local import: schema imports this module's types

    return rebuild_site(data), sorted(set(changed))


def _check_index(where: str, index: int, sections: list[dict[str, object]]) -> None:
    if index >= len(sections):
        raise InvalidSpec(f"{where}.index", f"there is no section {index}; the site has {len(sections)}")
