"""JSON Schema export and validation of specs.

Every spec, whether generated, loaded from a file or produced by edits, passes
through ``jsonschema`` against the schema generated from the models and is then
parsed by pydantic. Errors name the JSON path (``$.sections[2].items[0].price``)
and say what was wrong, in words a person can act on.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import BaseModel, TypeAdapter
from pydantic import ValidationError as ModelError

from core.errors import InvalidSpec
from core.site.edits import EditList
from core.site.images import IMAGE_HASH_PATTERN
from core.site.sections import SECTION_KINDS, Section
from core.site.site import Site, SiteHeader
from core.site.values import IMAGE_URL_PATTERN, SAFE_URL_PATTERN
from core.site.weight import section_weight, sections_budget

MAX_SPEC_BYTES = 512 * 1024
SECTION_ADAPTER: TypeAdapter[Section] = TypeAdapter(Section)


@cache
def site_schema() -> dict[str, Any]:
    schema = Site.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://pagemagic.dev/schema/site.json"
    return schema


@cache
def header_schema() -> dict[str, Any]:
    return SiteHeader.model_json_schema()


@cache
def section_schema() -> dict[str, Any]:
    return SECTION_ADAPTER.json_schema()


@cache
def edits_schema() -> dict[str, Any]:
    return EditList.model_json_schema()


@cache
def media_schema() -> dict[str, Any]:
    """The site's image library and logo: the part of a site that is neither header nor sections."""
    site = site_schema()
    return {
        "type": "object",
        "properties": {name: site["properties"][name] for name in MEDIA_FIELDS},
        "$defs": site["$defs"],
    }


MEDIA_FIELDS = ("images", "logo")


@cache
def _validator(name: str) -> Draft202012Validator:
    schemas = {
        "site": site_schema, "header": header_schema, "section": section_schema, "edits": edits_schema,
        "media": media_schema,
    }
    return Draft202012Validator(schemas[name]())


def json_path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _precise(error: SchemaError) -> SchemaError:
    """Descend into oneOf/anyOf errors, following the branch the instance meant.

    A section with ``kind: "menu"`` that misses a price should be reported as
    that missing price, not as "matches none of 14 alternatives".
    """
    while error.validator in ("oneOf", "anyOf") and error.context:
        branch = _intended_branch(error)
        candidates = [e for e in error.context if branch is None or e.schema_path[0] == branch]
        if not candidates:
            break
        error = min(candidates, key=lambda e: (-len(e.absolute_path), len(e.schema_path)))
    return error


def _intended_branch(error: SchemaError) -> int | None:
    instance = error.instance
    options = error.validator_value
    if not isinstance(options, list):
        return None
    if isinstance(instance, dict):
        for key in ("kind", "op"):
            if key in instance:
                for i, option in enumerate(options):
                    if _const_of(error, option, key) == instance[key]:
                        return i
    if instance is not None:
        for i, option in enumerate(options):
            if option.get("type") != "null":
                return i
    return None


def _const_of(error: SchemaError, option: dict[str, Any], key: str) -> Any:
    if "$ref" in option:
        resolved = _resolve(error, option["$ref"])
        option = resolved if resolved is not None else option
    prop = option.get("properties", {}).get(key, {})
    return prop.get("const", prop.get("default"))


def _resolve(error: SchemaError, ref: str) -> dict[str, Any] | None:
    # Refs are local ("#/$defs/Menu"); the root schema is the last in the chain.
    name = ref.rsplit("/", 1)[-1]
    for schema in (site_schema(), section_schema(), edits_schema(), header_schema()):
        found = schema.get("$defs", {}).get(name)
        if found is not None:
            return found  # type: ignore[no-any-return]
    return None


def _friendly(error: SchemaError) -> str:
    v = error.validator
    if v == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        missing = [k for k in _as_list(error.validator_value) if k not in instance]
        return f"missing field {', '.join(repr(m) for m in missing)}"
    if v == "additionalProperties":
        return "unknown field: " + error.message.split("(")[-1].rstrip(")")
    if v == "pattern" and error.validator_value == SAFE_URL_PATTERN:
        return f"{_short(error.instance)} is not an allowed link: use http, https, mailto, tel or #section"
    if v == "pattern" and error.validator_value == IMAGE_URL_PATTERN:
        return f"{_short(error.instance)} is not an allowed image: images must be https URLs"
    if v == "pattern" and error.validator_value == IMAGE_HASH_PATTERN:
        return f"{_short(error.instance)} is not an image of this site (a 64-character content hash)"
    if v == "pattern":
        return f"{_short(error.instance)} is not allowed here (expected pattern {error.validator_value})"
    if v in _LIMITS:
        return _limit(v, error.validator_value, error.instance)
    if v == "const":
        return f"must be {error.validator_value!r}, got {_short(error.instance)}"
    if v == "enum":
        return f"must be one of {', '.join(map(str, _as_list(error.validator_value)))}; got {_short(error.instance)}"
    if v == "type":
        return f"must be of type {error.validator_value}, got {_short(error.instance)}"
    # Other messages start with the offending value, which may be a whole array: keep it short.
    return error.message if len(error.message) <= 200 else f"{_short(error.instance)} fails {v}"


_LIMITS = {
    "maxLength": "characters; at most {}", "minLength": "characters; at least {}",
    "maxItems": "entries; at most {}", "minItems": "entries; at least {}",
    "maximum": "at most {}", "minimum": "at least {}",
}


def _limit(validator: str, limit: Any, instance: Any) -> str:
    """The limit and the size that broke it, never the value itself (it may be a whole array)."""
    if isinstance(instance, (str, list, dict)):
        return f"has {len(instance):,} " + _LIMITS[validator].format(limit)
    return _LIMITS[validator].format(limit)


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_tag(error: SchemaError) -> str | None:
    instance = error.instance
    if error.validator not in ("oneOf", "anyOf") or not isinstance(instance, dict):
        return None
    for key, known in (("kind", SECTION_KINDS), ("op", EDIT_OPS)):
        if key in instance and instance[key] not in known:
            return f"unknown {key} {_short(instance[key])}; expected one of {', '.join(known)}"
    return None


def _check(name: str, data: Any, prefix: tuple[Any, ...] = ()) -> None:
    errors = list(_validator(name).iter_errors(data))
    if not errors:
        return
    first = min(errors, key=lambda e: len(e.absolute_path))
    unknown = _unknown_tag(first)
    if unknown:
        raise InvalidSpec(json_path(prefix + tuple(first.absolute_path)), unknown)
    first = _precise(first)
    unknown = _unknown_tag(first)
    if unknown:
        raise InvalidSpec(json_path(prefix + tuple(first.absolute_path)), unknown)
    raise InvalidSpec(json_path(prefix + tuple(first.absolute_path)), _friendly(first))


def _from_model_error(error: ModelError, prefix: tuple[Any, ...] = ()) -> InvalidSpec:
    detail = error.errors()[0]
    loc = tuple(p for p in detail["loc"] if not (isinstance(p, str) and p in _UNION_TAGS))
    return InvalidSpec(json_path(prefix + loc), detail["msg"])


EDIT_OPS = (
    "add_section", "replace_section", "remove_section", "move_section",
    "set_theme", "set_seo", "set_business", "set_identity",
    "add_image", "place_image", "remove_image", "move_image", "set_image_alt", "replace_image",
)
_UNION_TAGS = {
    "hero", "about", "features", "services", "menu", "pricing", "gallery", "testimonials",
    "team", "faq", "contact", "cta", "stats", "footer", "add_section", "replace_section",
    "remove_section", "move_section", "set_theme", "set_seo", "set_business", "set_identity",
    "add_image", "place_image", "remove_image", "move_image", "set_image_alt", "replace_image",
}


@cache
def _kind_validator(kind: str) -> Draft202012Validator | None:
    """A validator for one section kind: the branch the ``kind`` names, not all fourteen."""
    schema = section_schema()
    ref = schema["discriminator"]["mapping"].get(kind)
    if ref is None:
        return None
    return Draft202012Validator({"$ref": ref, "$defs": schema["$defs"]})


def _check_section(data: Any, prefix: tuple[Any, ...]) -> None:
    """Validate one section against its own kind's schema (about 14 times cheaper than the oneOf).

    A missing or unknown ``kind`` falls back to the full schema, whose error names the choices.
    """
    validator = _kind_validator(data["kind"]) if isinstance(data, dict) and isinstance(data.get("kind"), str) else None
    if validator is None:
        _check("section", data, prefix)
        return
    errors = list(validator.iter_errors(data))
    if errors:
        first = _precise(min(errors, key=lambda e: len(e.absolute_path)))
        raise InvalidSpec(json_path(prefix + tuple(first.absolute_path)), _friendly(first))


def _check_site(data: Any) -> None:
    """The site schema, with each section checked through its own kind's validator."""
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        _check("site", data)
        return
    header = {k: v for k, v in data.items() if k != "sections" and k not in MEDIA_FIELDS}
    _check("header", header)
    _check("media", {k: v for k, v in data.items() if k in MEDIA_FIELDS})
    sections = data["sections"]
    if not 1 <= len(sections) <= 20:
        _check("site", data)  # reports the count with the schema's own words
    weight, budget = 0, sections_budget(header)
    for index, section in enumerate(sections):
        _check_section(section, ("sections", index))
        business = data.get("business")
        weight += section_weight(section["kind"], section, business if isinstance(business, dict) else None)
        if weight > budget:
            raise InvalidSpec(
                json_path(("sections", index)),
                f"the sections up to here make about {weight:,} bytes of page; with this header all of them may "
                f"make at most {budget:,} (40 KB in all): shorten or remove sections",
            )


def _parse(model: type[BaseModel], name: str, data: Any, prefix: tuple[Any, ...] = ()) -> Any:
    _check(name, data, prefix)
    try:
        return model.model_validate(data)
    except ModelError as exc:
        raise _from_model_error(exc, prefix) from exc


def parse_site(data: Any) -> Site:
    """Validate ``data`` with jsonschema, then parse it with pydantic."""
    _check_site(data)
    try:
        return Site.model_validate(data)
    except ModelError as exc:
        raise _from_model_error(exc) from exc


def rebuild_site(data: Any) -> Site:
    """A site built from parts each validated already (a valid site's dump with validated edits applied).

    pydantic alone: the JSON Schema is generated from the same models and rejects exactly what they
    reject, so running it again over every section of the site on each refinement (about 30 ms for a
    12-section site) found nothing pydantic would not; what can break here (the section count, an
    image not in the library, the page budget) the models check.
    """
    try:
        return Site.model_validate(data)
    except ModelError as exc:
        raise _from_model_error(exc) from exc


def recheck_header(header: SiteHeader) -> SiteHeader:
    """A generator's header checked again by its model (generators parse what they emit with
    ``parse_header``; this catches one built without validation, at the cost of pydantic alone)."""
    try:
        return SiteHeader.model_validate(header.model_dump())
    except ModelError as exc:
        raise _from_model_error(exc) from exc


def recheck_section(section: Section, index: int) -> Section:
    """A generator's section checked again by its model (see ``recheck_header``)."""
    try:
        return SECTION_ADAPTER.validate_python(section.model_dump())
    except ModelError as exc:
        raise _from_model_error(exc, ("sections", index)) from exc


def parse_header(data: Any) -> SiteHeader:
    return _parse(SiteHeader, "header", data)  # type: ignore[no-any-return]


def parse_section(data: Any, index: int | None = None) -> Section:
    prefix: tuple[Any, ...] = ("sections", index) if index is not None else ()
    _check_section(data, prefix)
    try:
        return SECTION_ADAPTER.validate_python(data)
    except ModelError as exc:
        raise _from_model_error(exc, prefix) from exc


def parse_edits(data: Any) -> EditList:
    return _parse(EditList, "edits", data)  # type: ignore[no-any-return]


def load_site_json(raw: bytes | str) -> Site:
    """Parse a spec file's text; refuses oversized or non-JSON input with a clear error."""
    size = len(raw.encode() if isinstance(raw, str) else raw)
    if size > MAX_SPEC_BYTES:
        raise InvalidSpec("$", f"the file is {size} bytes; a spec may be at most {MAX_SPEC_BYTES}")
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidSpec("$", f"not valid JSON ({exc})") from exc
    except RecursionError as exc:
        raise InvalidSpec("$", "the JSON is nested too deeply") from exc
    return parse_site(data)
