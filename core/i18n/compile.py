"""Compile the ``.po`` catalogs into the ``.mo`` files gettext reads: the install step runs this.

``python -m core.i18n.compile`` writes every locale's ``messages.mo``;
``--check`` writes nothing and exits non-zero when a compiled catalog is
missing or differs from what its ``.po`` compiles to (stale). Fuzzy entries
(a translation still to be reviewed) are left out, as ``pybabel compile`` does.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from core.i18n.catalog import DOMAIN, LOCALE_DIR
from core.i18n.locales import LOCALES


def source_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def compiled(locale: str) -> bytes:
    """The bytes ``locale``'s ``.po`` compiles to."""
    with source_path(locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def stale() -> list[str]:
    """Locales whose ``.mo`` is missing or out of date with their ``.po``."""
    result: list[str] = []
    for locale in LOCALES:
        target = source_path(locale).with_suffix(".mo")
        if not target.exists() or target.read_bytes() != compiled(locale):
            result.append(locale)
    return result


def compile_all() -> list[Path]:
    written = []
    for locale in LOCALES:
        target = source_path(locale).with_suffix(".mo")
        data = compiled(locale)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            written.append(target)
    return written


def main(argv: list[str]) -> int:
    if "--check" in argv:
        behind = stale()
        if behind:
            print(f"stale or missing compiled catalogs: {', '.join(behind)}; run `make catalogs`", file=sys.stderr)
            return 1
        return 0
    for path in compile_all():
        print(f"compiled {path.relative_to(LOCALE_DIR.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
