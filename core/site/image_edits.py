"""Image edits: add a photo to the site's library, place it, move it, describe it, remove it.

Each operation works on the site's JSON (as ``apply_edits`` does) and names
images by content hash, so a generator (offline or a model) can only point at
images the site already has; an unknown hash or target is an ``InvalidSpec``
naming the operation, and the site is left untouched.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from core.errors import InvalidSpec
from core.i18n.locales import family
from core.site.images import MAX_GALLERY, ImageAsset, ImageHash, ImageTarget
from core.site.presets import fold
from core.site.values import SpecModel, text

Json = dict[str, Any]
GALLERY_HEADING = {"pt": "Galeria", "en": "Gallery", "es": "Galería"}  # by language family (pt_BR and pt_PT alike)


class AddImage(SpecModel):
    """Put a processed upload into the site's library (it shows nowhere until placed)."""

    op: Literal["add_image"] = "add_image"
    image: ImageAsset


class PlaceImage(SpecModel):
    """Show an image: as the cover (hero), the logo, in the gallery, beside the about text, or on a
    team member / service / menu item named ``name`` (the first whose name contains it)."""

    op: Literal["place_image"] = "place_image"
    hash: ImageHash
    target: ImageTarget
    name: Annotated[str, text(80)] = ""
    position: Annotated[int, Field(ge=0, le=11)] | None = None  # gallery only; None appends


class RemoveImage(SpecModel):
    """Stop showing an image at ``target`` (None: everywhere, and drop it from the library)."""

    op: Literal["remove_image"] = "remove_image"
    hash: ImageHash
    target: ImageTarget | None = None


class MoveImage(SpecModel):
    """Reorder the gallery: the image goes to position ``to`` (0 is first)."""

    op: Literal["move_image"] = "move_image"
    hash: ImageHash
    to: Annotated[int, Field(ge=0, le=11)]


class SetImageAlt(SpecModel):
    """What the image shows, for people who cannot see it; ``decorative`` images get ``alt=""``."""

    op: Literal["set_image_alt"] = "set_image_alt"
    hash: ImageHash
    alt: Annotated[str, text(160)] = ""
    decorative: bool = False
    given: bool = True  # False: a neutral alt from context, not the owner's words (they are still asked)


class ReplaceImage(SpecModel):
    """Show ``by`` wherever ``hash`` is shown (both must be in the library)."""

    op: Literal["replace_image"] = "replace_image"
    hash: ImageHash
    by: ImageHash


ImageEdit = AddImage | PlaceImage | RemoveImage | MoveImage | SetImageAlt | ReplaceImage
IMAGE_OPS = ("add_image", "place_image", "remove_image", "move_image", "set_image_alt", "replace_image")


def apply_image_edit(data: Json, edit: ImageEdit, where: str) -> None:
    """Apply one image edit to ``data`` (a site dumped as JSON) in place."""
    if isinstance(edit, AddImage):
        if _asset(data, edit.image.hash) is None:
            data.setdefault("images", []).append(edit.image.model_dump())
        return
    asset = _asset(data, edit.hash)
    if asset is None:
        raise InvalidSpec(f"{where}.hash", "the site has no such image")
    if isinstance(edit, PlaceImage):
        _place(data, edit, asset, where)
    elif isinstance(edit, RemoveImage):
        _remove(data, edit.hash, edit.target)
        if edit.target is None:
            data["images"] = [image for image in data["images"] if image["hash"] != edit.hash]
    elif isinstance(edit, MoveImage):
        gallery = _gallery(data)
        entries = gallery["images"] if gallery else []
        at = next((i for i, entry in enumerate(entries) if entry.get("image") == edit.hash), None)
        if gallery is None or at is None:
            raise InvalidSpec(f"{where}.hash", "that image is not in the gallery")
        entries.insert(min(edit.to, len(entries) - 1), entries.pop(at))
    elif isinstance(edit, SetImageAlt):
        if not edit.decorative and not edit.alt:
            raise InvalidSpec(f"{where}.alt", "an image that is not decorative needs alt text")
        asset.update(alt=edit.alt, decorative=edit.decorative, alt_given=edit.given)
        for entry in _gallery_entries(data):
            if entry.get("image") == edit.hash and edit.alt:
                entry["alt"] = edit.alt
    else:
        if _asset(data, edit.by) is None:
            raise InvalidSpec(f"{where}.by", "the site has no such image")
        _swap(data, edit.hash, edit.by)


def _asset(data: Json, image_hash: str) -> Json | None:
    return next((image for image in data.get("images", []) if image["hash"] == image_hash), None)


def _sections(data: Json, kind: str) -> list[Json]:
    return [s for s in data["sections"] if s["kind"] == kind]


def _gallery(data: Json) -> Json | None:
    found = _sections(data, "gallery")
    return found[0] if found else None


def _gallery_entries(data: Json) -> list[Json]:
    return [entry for gallery in _sections(data, "gallery") for entry in gallery["images"]]


def _place(data: Json, edit: PlaceImage, asset: Json, where: str) -> None:
    if edit.target == "logo":
        data["logo"] = edit.hash
    elif edit.target == "cover":
        heroes = _sections(data, "hero")
        if heroes:
            heroes[0]["image"] = edit.hash
        else:
            data["sections"].insert(0, {"kind": "hero", "heading": data["name"], "image": edit.hash})
    elif edit.target == "about":
        about = _sections(data, "about")
        if not about:
            raise InvalidSpec(f"{where}.target", "the site has no about section")
        about[0]["image"] = edit.hash
    elif edit.target == "gallery":
        _into_gallery(data, edit, asset, where)
    else:
        item = _named_item(data, edit.target, edit.name)
        if item is None:
            raise InvalidSpec(f"{where}.name", f"no {edit.target.replace('_', ' ')} is called {edit.name!r}")
        item["photo" if edit.target == "team_member" else "image"] = edit.hash


def _into_gallery(data: Json, edit: PlaceImage, asset: Json, where: str) -> None:
    entry = {"alt": asset["alt"] or GALLERY_HEADING[family(data["language"])], "image": edit.hash}
    gallery = _gallery(data)
    if gallery is None:
        gallery = {"kind": "gallery", "heading": GALLERY_HEADING[family(data["language"])], "images": [entry]}
        footer = len(data["sections"]) - 1 if data["sections"] and data["sections"][-1]["kind"] == "footer" else None
        at = footer if footer is not None else len(data["sections"])
        contact = next((i for i, s in enumerate(data["sections"]) if s["kind"] in ("contact", "cta")), at)
        data["sections"].insert(min(at, contact), gallery)
        return
    entries: list[Json] = gallery["images"]
    if any(e.get("image") == edit.hash for e in entries):
        return
    if not any(e.get("image") or e.get("src") for e in entries):
        entries.clear()  # the first real photo replaces the palette illustrations
    if len(entries) >= MAX_GALLERY:
        raise InvalidSpec(f"{where}.target", f"the gallery holds at most {MAX_GALLERY} images")
    entries.insert(len(entries) if edit.position is None else min(edit.position, len(entries)), entry)


def _named_item(data: Json, target: ImageTarget, name: str) -> Json | None:
    items: list[Json] = []
    if target == "team_member":
        items = [m for s in _sections(data, "team") for m in s["members"]]
    elif target == "service":
        items = [i for s in _sections(data, "services") for i in s["items"]]
    elif target == "menu_item":
        items = [i for s in _sections(data, "menu") for c in s["categories"] for i in c["items"]]
    wanted = fold(name).strip()
    if not wanted:
        return items[0] if len(items) == 1 else None
    return next((i for i in items if wanted in fold(i["name"]) or fold(i["name"]) in wanted), None)


def _remove(data: Json, image_hash: str, target: ImageTarget | None) -> None:
    if target in (None, "logo") and data.get("logo") == image_hash:
        data["logo"] = None
    for section in list(data["sections"]):
        if section["kind"] == "gallery" and target in (None, "gallery"):
            section["images"] = [e for e in section["images"] if e.get("image") != image_hash]
            if not section["images"]:
                data["sections"].remove(section)
        elif target is None or target != "gallery":
            _clear(section, image_hash, target)


def _clear(value: Any, image_hash: str, target: ImageTarget | None) -> None:
    if isinstance(value, dict):
        for key in ("image", "photo"):
            if value.get(key) == image_hash and (target is None or _fits(value, target)):
                value[key] = None
        for item in value.values():
            _clear(item, image_hash, target)
    elif isinstance(value, list):
        for item in value:
            _clear(item, image_hash, target)


def _fits(value: Json, target: ImageTarget) -> bool:
    kind = value.get("kind")
    return (
        (target == "cover" and kind == "hero")
        or (target == "about" and kind == "about")
        or (target == "team_member" and "photo" in value)
        or (target in ("service", "menu_item") and kind is None and "photo" not in value)
    )


def _swap(value: Any, old: str, new: str) -> None:
    if isinstance(value, dict):
        for key in ("image", "photo", "logo"):
            if value.get(key) == old:
                value[key] = new
        for key, item in value.items():
            if key != "images" or not isinstance(item, list) or not item or "hash" not in item[0]:
                _swap(item, old, new)
    elif isinstance(value, list):
        for item in value:
            _swap(item, old, new)
