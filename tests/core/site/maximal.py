"""The heaviest specs the schema allows: every list at its longest, every text at its longest.

Built from the exported JSON Schema rather than by hand, so a new field or a raised limit
is in the worst case the moment it is in the schema. Text is filled with characters that
cost the most once rendered (``&`` becomes ``&amp;``, ``é`` is two bytes in UTF-8) unless
``plain`` is asked for. Optional images are left out (they must be the site's own); optional
links and values are filled in.
"""

from __future__ import annotations

from typing import Any

from core.site.schema import site_schema

# Values for strings the schema constrains by pattern: the longest a real site would carry.
_PATTERNED = {
    "^#[0-9a-fA-F]{6}$": "#123456",
    "^[A-Z]{3}$": "EUR",
    "^([A-Z]{2})?$": "PT",
}
_HEAVY = "Pão & café é "  # ampersands and two-byte letters: the costliest text to render


TINY = "tiny"  # every text one character, every optional value left out: markup at its heaviest


def _fill(length: int, plain: bool | str) -> str:
    if plain == TINY:
        return "x"
    unit = "Lorem ipsum dolor " if plain else _HEAVY
    return (unit * (length // len(unit) + 1))[:length].strip() or "x"


def maximal(schema: dict[str, Any], defs: dict[str, Any], plain: bool | str = False) -> Any:
    """The largest instance of ``schema``."""
    if "$ref" in schema:
        return maximal(defs[schema["$ref"].rsplit("/", 1)[-1]], defs, plain)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return max(schema["enum"], key=lambda v: len(str(v)))
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"]
            if not options or _is_image_hash(options[0], defs) or plain == TINY:
                return None
            return maximal(options[0], defs, plain)
    kind = schema.get("type")
    if kind == "object":
        return {name: maximal(sub, defs, plain) for name, sub in schema.get("properties", {}).items()
                if not _is_image_hash(sub, defs)}
    if kind == "array":
        return [maximal(schema["items"], defs, plain) for _ in range(schema.get("maxItems", 4))]
    if kind == "string":
        pattern = schema.get("pattern")
        if pattern in _PATTERNED:
            return _PATTERNED[pattern]
        if pattern and pattern.startswith("^(https?://"):
            return "https://example.com/" + "a" * (schema.get("maxLength", 60) - 20)
        if pattern and pattern.startswith("^https://"):
            return "https://example.com/" + "b" * (schema.get("maxLength", 60) - 20)
        if pattern:
            return schema.get("default", "")
        return _fill(schema.get("maxLength", 40), plain)
    if kind == "number" or kind == "integer":
        return schema.get("maximum", 999)
    if kind == "boolean":
        return True
    return None


def _is_image_hash(schema: dict[str, Any], defs: dict[str, Any]) -> bool:
    options = schema.get("anyOf", [schema])
    return any("pattern" in o and "a-f0-9]{64}" in o["pattern"] for o in options) or any(
        "{64}" in str(o.get("pattern", "")) for o in options
    )


def maximal_site(kinds: list[str], plain: bool | str = False) -> dict[str, Any]:
    """A site whose sections are the maximal instances of ``kinds``, in that order."""
    schema = site_schema()
    defs = schema["$defs"]
    mapping = schema["properties"]["sections"]["items"]["discriminator"]["mapping"]
    header = {name: maximal(sub, defs, plain) for name, sub in schema["properties"].items()
              if name not in ("sections", "images", "logo")}
    header["business"] = maximal(defs["Business"], defs, plain)
    header["business"]["phone"] = "+351 210 000 000"
    header["business"]["email"] = "ola@example.com"
    header["business"]["socials"] = [{"network": s["network"], "url": "https://example.com/x"}
                                     for s in header["business"]["socials"]] if header["business"].get("socials") else []
    header["seo"]["social_image"] = None
    sections = [maximal(defs[mapping[kind].rsplit("/", 1)[-1]], defs, plain) for kind in kinds]
    return {**header, "sections": sections, "images": []}


def _trimmed(section: dict[str, Any]) -> dict[str, Any] | None:
    """``section`` with one entry fewer in its longest list (or inside a list's only entry), or None."""
    lists = [(key, value) for key, value in section.items() if isinstance(value, list) and len(value) > 1]
    if lists:
        key, value = max(lists, key=lambda kv: len(kv[1]))
        return {**section, key: value[:-1]}
    for key, value in section.items():
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
            smaller = _trimmed(value[0])
            if smaller is not None:
                return {**section, key: [smaller]}
    return None


def heaviest_sites(plain: bool | str = False) -> list[dict[str, Any]]:
    """For every section kind, the site that repeats it, as long as possible, until the budget is full.

    The header is the largest allowed; each repeat is the kind's maximal instance trimmed (one list
    entry at a time) until it fits what is left of the budget.
    """
    from core.site.weight import section_weight, sections_budget

    schema = site_schema()
    defs = schema["$defs"]
    mapping = schema["properties"]["sections"]["items"]["discriminator"]["mapping"]
    sites = []
    for kind in mapping:
        site = maximal_site([kind], plain)
        business = site["business"]
        sections: list[dict[str, Any]] = []
        left = sections_budget(site)
        while len(sections) < 20:
            section: dict[str, Any] | None = maximal(defs[mapping[kind].rsplit("/", 1)[-1]], defs, plain)
            while section is not None and section_weight(kind, section, business) > left:
                section = _trimmed(section)
            if section is None:
                break
            sections.append(section)
            left -= section_weight(kind, section, business)
        site["sections"] = sections
        sites.append(site)
    return sites


def photo_sites() -> list[dict[str, Any]]:
    """Sites whose every image slot shows one of the site's own photos, long alt texts included,
    repeated until the budget is full: a gallery of photos, a team with portraits, a menu with dishes."""
    from core.site.weight import section_weight, sections_budget

    def asset(n: int) -> dict[str, Any]:
        return {"hash": f"{n:064x}", "width": 1600, "height": 20000, "alt": _fill(160, False),
                "placeholder": ["#123456", "#654321"], "alpha": True}

    shapes = {
        "gallery": lambda n: {"kind": "gallery", "heading": "x", "images": [{"alt": "x", "image": f"{n + i:064x}"} for i in range(12)]},
        "team": lambda n: {"kind": "team", "heading": "x", "members": [{"name": "x", "photo": f"{n + i:064x}"} for i in range(12)]},
        "menu": lambda n: {"kind": "menu", "heading": "x", "categories": [
            {"name": "x", "items": [{"name": "x", "price": 1, "image": f"{n + i:064x}"} for i in range(12)]}]},
        "hero": lambda n: {"kind": "hero", "heading": "x", "image": f"{n:064x}"},
    }
    sites = []
    for kind, shape in shapes.items():
        site = maximal_site([kind])
        sections: list[dict[str, Any]] = []
        left, used = sections_budget(site), 0
        step = 1 if kind == "hero" else 12
        while len(sections) < 20 and used + step <= 60:
            section = shape(used)
            while section_weight(kind, section, site["business"]) > left:
                smaller = _trimmed(section)
                if smaller is None:
                    break
                section = smaller
            if section_weight(kind, section, site["business"]) > left:
                break
            sections.append(section)
            left -= section_weight(kind, section, site["business"])
            used += step
        site["sections"] = sections
        site["images"] = [asset(n) for n in range(min(used, 60))]
        site["logo"] = f"{0:064x}"
        sites.append(site)
    return sites
