"""Which message keys the code names that the catalog template lacks.

``pybabel extract`` finds every literal key passed to ``say``, ``say_plural``
and ``say_in``; a key missing from ``messages.pot`` would fall through to an
error at run time. Keys built at run time (``f"publish_{state}"``) are covered
by the tests of the code that builds them.

    python -m core.i18n.keys extracted.pot   # exit 1 and list them, if any
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po

from core.i18n.catalog import DOMAIN, LOCALE_DIR

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"


def _keys(path: Path) -> set[tuple[str | None, str]]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {
        (message.context, message.id if isinstance(message.id, str) else message.id[0])
        for message in catalog
        if message.id
    }


def missing(extracted: Path, template: Path = TEMPLATE) -> list[str]:
    known = _keys(template)
    return sorted(f"{context}|{key}" if context else key for context, key in _keys(extracted) - known)


def main(argv: list[str]) -> int:
    absent = missing(Path(argv[0]))
    for key in absent:
        print(f"the code says {key!r}, which is not in {TEMPLATE.name}", file=sys.stderr)
    return 1 if absent else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
