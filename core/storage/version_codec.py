"""How a site version is written into ``site_versions``: a snapshot now and then, edits in between.

A refinement changes a section or two, so storing the whole site again for every version made
the table grow by the whole site per message. A version is stored instead as the difference
from its parent (``delta``), and every ``SNAPSHOT_EVERY``-th link of a chain as the whole site
(``spec``), so reading any version takes at most that many rows. Rows written before this
change all carry ``spec``: they read as snapshots, nothing is rewritten.

A patch is JSON. A node is one of:

- ``{"v": value}``: the new value, whole;
- ``{"d": {key: node, ...}, "x": [removed keys]}``: an object, changed key by key;
- ``{"l": [op, ...]}``: the new list, each item an ``int`` (the old item at that index, as is),
  ``{"v": value}`` or ``{"i": index, "p": node}`` (the old item at ``index``, patched), so
  sections added, removed or moved cost only their own size.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

COLUMNS = ("spec", "delta")
SNAPSHOT_EVERY = 16  # the longest chain of deltas a read follows back to a snapshot

Json = Any


def encode(spec: dict[str, Any], parent: dict[str, Any] | None, depth: int) -> tuple[Json, Json]:
    """The values of ``COLUMNS`` for a version whose site is ``spec``.

    ``depth`` is how many deltas the parent lies from its snapshot (0: the parent is one);
    ``parent`` is ``None`` for a first version.
    """
    if parent is None or depth + 1 >= SNAPSHOT_EVERY:
        return spec, None
    return None, diff(parent, spec)


def diff(old: Json, new: Json) -> dict[str, Any]:
    """The patch that turns ``old`` into ``new``."""
    if isinstance(old, dict) and isinstance(new, dict):
        node: dict[str, Any] = {
            "d": {key: diff(old[key], value) if key in old else {"v": value}
                  for key, value in new.items() if key not in old or old[key] != value}
        }
        removed = [key for key in old if key not in new]
        if removed:
            node["x"] = removed
        return node
    if isinstance(old, list) and isinstance(new, list):
        return {"l": _list_ops(old, new)}
    return {"v": new}


def _list_ops(old: list[Json], new: list[Json]) -> list[Json]:
    index = {_key(item): n for n, item in reversed(list(enumerate(old)))}
    ops: list[Json] = []
    for n, item in enumerate(new):
        same = index.get(_key(item))
        if same is not None:
            ops.append(same)
        elif n < len(old) and isinstance(item, (dict, list)) and type(old[n]) is type(item):
            patch = diff(old[n], item)
            ops.append({"i": n, "p": patch} if _size(patch) < _size(item) else {"v": item})
        else:
            ops.append({"v": item})
    return ops


def apply(old: Json, node: Mapping[str, Any]) -> Json:
    """``old`` with the patch ``node`` applied (``old`` itself is left as it was)."""
    if "v" in node:
        return node["v"]
    if "d" in node:
        removed = set(node.get("x", ()))
        result = {k: v for k, v in old.items() if k not in removed}
        for key, sub in node["d"].items():
            result[key] = apply(old.get(key), sub)
        return result
    return [old[op] if isinstance(op, int) else (op["v"] if "v" in op else apply(old[op["i"]], op["p"]))
            for op in node["l"]]


def decode_chain(rows: Iterable[tuple[Json, Json]]) -> dict[str, Any]:
    """The site at the end of a chain given as (spec, delta) pairs, its snapshot first."""
    spec: Json = None
    for snapshot, delta in rows:
        spec = snapshot if snapshot is not None else apply(spec, delta)
    if not isinstance(spec, dict):
        raise ValueError("a version chain that does not start at a snapshot")
    return spec


def decode_all(rows: Iterable[tuple[int, int | None, Json, Json]]) -> dict[int, dict[str, Any]]:
    """Every version of one site, from its rows (number, parent, spec, delta) in any order."""
    specs: dict[int, dict[str, Any]] = {}
    for number, parent, snapshot, delta in sorted(rows, key=lambda row: row[0]):  # a parent is always older
        specs[number] = snapshot if snapshot is not None else apply(specs[parent or 0], delta)
    return specs


def _key(item: Json) -> str:
    return json.dumps(item, sort_keys=True, separators=(",", ":"))


def _size(item: Json) -> int:
    return len(json.dumps(item, separators=(",", ":")))
