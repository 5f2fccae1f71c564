"""The spec models, their exported JSON Schema and validation errors with JSON paths."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from core.errors import InvalidSpec
from core.site.schema import edits_schema, load_site_json, parse_edits, parse_site, site_schema
from tests.core.site.samples import sample_site_data


def test_schema_is_valid_draft_2020_12_and_lists_every_section_kind() -> None:
    schema = site_schema()
    Draft202012Validator.check_schema(schema)
    kinds = {
        d["properties"]["kind"]["const"]
        for d in schema["$defs"].values()
        if "kind" in d.get("properties", {}) and "const" in d["properties"]["kind"]
    }
    assert kinds == {
        "hero", "about", "features", "services", "menu", "pricing", "gallery", "testimonials",
        "team", "faq", "contact", "cta", "stats", "footer",
    }
    Draft202012Validator.check_schema(edits_schema())


def test_sample_site_round_trips_through_json() -> None:
    site = parse_site(sample_site_data())
    again = load_site_json(site.model_dump_json())
    assert again == site
    assert len(site.sections) == 14


def _broken(path: list[Any], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(sample_site_data())
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "where", "words"),
    [
        (["sections", 0, "primary_action", "href"], "javascript:alert(1)", "$.sections[0].primary_action.href", "link"),
        (["sections", 0, "primary_action", "href"], "data:text/html,x", "$.sections[0].primary_action.href", "link"),
        (["theme", "palette", "primary"], "green", "$.theme.palette.primary", "pattern"),
        (["name"], "x" * 81, "$.name", "has 81 characters; at most 80"),
        (["sections", 4, "categories", 0, "items", 0, "price"], -1, "$.sections[4].categories[0].items[0].price", "at least 0"),
        (["sections", 1, "kind"], "marquee", "$.sections[1]", "unknown kind"),
        (["language"], "fr", "$.language", "one of"),
        (["sections"], [], "$.sections", "has 0 entries; at least 1"),
    ],
)
def test_invalid_specs_name_the_json_path_and_the_problem(path: list[Any], value: Any, where: str, words: str) -> None:
    with pytest.raises(InvalidSpec) as caught:
        parse_site(_broken(path, value))
    assert caught.value.path == where
    assert words in caught.value.message


def test_missing_field_is_named() -> None:
    data = sample_site_data()
    del data["sections"][4]["categories"][0]["items"][0]["price"]
    with pytest.raises(InvalidSpec) as caught:
        parse_site(data)
    assert caught.value.path == "$.sections[4].categories[0].items[0]"
    assert "'price'" in caught.value.message


def test_unknown_fields_are_refused() -> None:
    data = _broken(["sections", 0, "onclick"], "alert(1)")
    with pytest.raises(InvalidSpec) as caught:
        parse_site(data)
    assert "onclick" in caught.value.message


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"[]", b"null", json.dumps({"name": "x"}).encode(), b"\xff\xfe", b"[" * 100_000 + b"]" * 100_000],
)
def test_hostile_or_broken_files_raise_invalid_spec(raw: bytes) -> None:
    with pytest.raises(InvalidSpec):
        load_site_json(raw)


def test_oversized_file_is_refused_before_parsing() -> None:
    with pytest.raises(InvalidSpec) as caught:
        load_site_json(b" " * (600 * 1024))
    assert "at most" in caught.value.message


def test_edit_list_is_validated_with_paths() -> None:
    with pytest.raises(InvalidSpec) as caught:
        parse_edits({"edits": [{"op": "remove_section", "index": 99}]})
    assert caught.value.path == "$.edits[0].index"
    with pytest.raises(InvalidSpec) as caught:
        parse_edits({"edits": [{"op": "explode"}]})
    assert "unknown op" in caught.value.message
