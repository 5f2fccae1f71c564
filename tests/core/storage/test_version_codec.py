"""Versions stored as edits: any change between two sites round-trips, and costs about its own size."""

from __future__ import annotations

import json
from typing import Any

import pytest

from core.storage import version_codec
from tests.core.site.samples import sample_site_data


def size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":")))


def changed(site: dict[str, Any], how: str) -> dict[str, Any]:
    site = json.loads(json.dumps(site))
    sections = site["sections"]
    if how == "headline":
        sections[0]["heading"] = "Pão quente às sete"
    elif how == "add":
        sections.append({**sections[-1], "title": "Mais"})
    elif how == "insert":
        sections.insert(1, {**sections[0], "heading": "Novo"})
    elif how == "remove":
        del sections[1]
    elif how == "move":
        sections.reverse()
    elif how == "drop_key":
        site.pop("tagline")
    elif how == "theme":
        site["theme"] = {**site["theme"], "dark": True}
    return site


@pytest.mark.parametrize("how", ["headline", "add", "insert", "remove", "move", "drop_key", "theme", "same"])
def test_a_change_round_trips_and_costs_less_than_the_site(how: str) -> None:
    old = sample_site_data()
    new = changed(old, how)
    patch = version_codec.diff(old, new)
    assert version_codec.apply(old, patch) == new
    assert json.loads(json.dumps(patch)) == patch  # stored as JSON
    assert size(patch) < size(new) / 3, (how, patch)


def test_a_one_headline_edit_costs_about_the_headline() -> None:
    old = sample_site_data()
    patch = version_codec.diff(old, changed(old, "headline"))
    assert size(patch) < min(150, size(old) / 10), (size(patch), size(old))  # the heading and where it is


def test_every_sixteenth_link_of_a_chain_is_the_whole_site() -> None:
    site, parent = sample_site_data(), sample_site_data()
    assert version_codec.encode(site, None, 0) == (site, None)  # a first version
    spec, delta = version_codec.encode(site, parent, 0)
    assert spec is None and delta is not None
    assert version_codec.encode(site, parent, version_codec.SNAPSHOT_EVERY - 1) == (site, None)


def test_every_version_of_a_branching_history_decodes() -> None:
    base = sample_site_data()
    a, b = changed(base, "headline"), changed(base, "add")
    c = changed(a, "remove")
    rows = [
        (3, 1, None, version_codec.diff(base, b)),  # undo to 1, then another change: a branch
        (1, None, base, None),
        (2, 1, None, version_codec.diff(base, a)),
        (4, 2, c, None),  # a snapshot in the middle of a chain
    ]
    assert version_codec.decode_all(rows) == {1: base, 2: a, 3: b, 4: c}
    assert version_codec.decode_chain([(base, None), (None, version_codec.diff(base, a))]) == a
