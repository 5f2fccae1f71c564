"""Render docker-compose.yml for ``docker stack deploy``, which does not know Compose profiles.

    python deploy/stack.py [--profile gpu] | docker stack deploy -c - pagemagic

Services of a profile that is not asked for are left out; the ``profiles`` key
(and ``build``, which Swarm ignores) is removed from the rest. Everything else,
``${VAR}`` interpolation included, is left for ``docker stack`` to read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

COMPOSE = Path(__file__).resolve().parents[1] / "docker-compose.yml"


def for_swarm(document: dict[str, Any], profiles: set[str]) -> dict[str, Any]:
    services: dict[str, Any] = {}
    for name, service in document["services"].items():
        wanted = set(service.get("profiles", ()))
        if wanted and not wanted & profiles:
            continue
        services[name] = {k: v for k, v in service.items() if k not in ("profiles", "build")}
    rendered = {k: v for k, v in document.items() if not k.startswith("x-")}
    rendered["services"] = services
    return rendered


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="append", default=[], help="a Compose profile to include (gpu)")
    parser.add_argument("--file", type=Path, default=COMPOSE)
    args = parser.parse_args(argv)
    document = yaml.safe_load(args.file.read_text())
    yaml.safe_dump(for_swarm(document, set(args.profile)), sys.stdout, sort_keys=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
