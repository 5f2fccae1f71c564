"""Move messages written in ``core/messages.py``'s dict form into the gettext catalogs.

Engineers on other branches add keys to ``core.messages.CATALOG`` the old way::

    "my_key": {"en": "...", "pt": "...", "es": "..."},

After merging, ``make messages-import`` (this script) adds each entry to the
template ``messages.pot`` and to every locale's ``.po``, then empties the dict.
``pt`` becomes the European Portuguese (``pt_PT``) text and a *fuzzy* Brazilian
(``pt_BR``) draft: fuzzy entries are not compiled, so the catalog tests fail
until someone writes the Brazilian sentence and removes the ``fuzzy`` flag
(``pt_BR``/``pt_PT`` may also be given directly in the dict). A key written
``"context|key"`` gets a msgctxt; a value given as a (singular, plural) pair is
a plural entry read with ``say_plural``.

    python scripts/messages_import.py           # import core.messages.CATALOG, then empty it
    python scripts/messages_import.py --check   # exit 1 if the dict holds keys to import
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Mapping
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.i18n.catalog import DOMAIN, LOCALE_DIR  # noqa: E402
from core.i18n.locales import LOCALES  # noqa: E402

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
MESSAGES_MODULE = ROOT / "core" / "messages.py"
# gettext's traditional forms: Brazilian Portuguese says "0 versão", European "0 versões".
PLURAL_FORMS = {
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "pt_PT": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
}
REVIEW_NOTE = "draft from pt_PT: write it in Brazilian Portuguese, then unfuzzy"
Text = str | tuple[str, str]
Entry = Mapping[str, Text]


def po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(path: Path, locale: str | None) -> Catalog:
    if not path.exists():
        catalog = Catalog(locale=locale, domain=DOMAIN, project="Page Magic", fuzzy=False, header_comment=(
            "# Page Magic messages" + (f" ({locale})" if locale else " (template)") + ".\n"
            "# Keys are msgids; see docs/languages.md before editing.\n#"
        ))
        return catalog
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def save(path: Path, catalog: Catalog, locale: str | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)
    if locale is not None:
        # Babel writes CLDR's three plural categories for pt and es; keep gettext's two.
        text = path.read_text("utf-8")
        start = text.index('"Plural-Forms: ') + len('"Plural-Forms: ')
        end = text.index('\\n"', start)
        path.write_text(text[:start] + PLURAL_FORMS[locale] + text[end:], "utf-8")


def split_key(raw: str) -> tuple[str | None, str]:
    context, _, key = raw.rpartition("|")
    return (context or None), key


def _for_locale(entry: Entry, locale: str) -> tuple[Text, bool]:
    """The text for ``locale`` and whether it is a draft still to review."""
    if locale in entry:
        return entry[locale], False
    if locale == "pt_PT" and "pt" in entry:
        return entry["pt"], False
    if locale == "pt_BR":
        source = entry.get("pt_PT", entry.get("pt"))
        if source is not None:
            return source, True
    raise ValueError(f"no {locale} text")


def import_entries(entries: Mapping[str, Entry], *, replace: bool = False) -> list[str]:
    """Add ``entries`` to the template and every locale's catalog; returns the keys added."""
    template = load(TEMPLATE, None)
    catalogs = {locale: load(po_path(locale), locale) for locale in LOCALES}
    added = []
    for raw, entry in entries.items():
        context, key = split_key(raw)
        english = entry.get("en")
        if english is None:
            raise ValueError(f"{raw}: every entry needs its English text")
        plural = isinstance(english, tuple)
        msgid: str | tuple[str, str] = (key, key + "_plural") if plural else key
        if template.get(key, context) is not None and not replace:
            raise ValueError(f"{raw} is already in the catalog; pass --replace to overwrite it")
        comments = [f"en: {english[1] if isinstance(english, tuple) else english}"]
        template.add(msgid, None, auto_comments=comments, context=context)
        for locale, catalog in catalogs.items():
            text, draft = _for_locale(entry, locale)
            if isinstance(text, tuple) != plural:
                raise ValueError(f"{raw}: {locale} must be {'a plural pair' if plural else 'one string'} like en")
            flags = ["fuzzy"] if draft else []
            catalog.add(
                msgid,
                text,
                flags=flags,
                auto_comments=[*(comments if locale != "en" else []), *([REVIEW_NOTE] if draft else [])],
                context=context,
            )
        added.append(raw)
    save(TEMPLATE, template, None)
    for locale, catalog in catalogs.items():
        save(po_path(locale), catalog, locale)
    return added


def empty_pending_dict(path: Path = MESSAGES_MODULE) -> None:
    """Rewrite ``CATALOG = {...}`` in core/messages.py as an empty dict, keeping the rest of the file."""
    source = path.read_text("utf-8")
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == "CATALOG" and node.value is not None:
            lines = source.splitlines(keepends=True)
            value = node.value
            first = lines[value.lineno - 1][: value.col_offset]
            last = lines[value.end_lineno - 1][value.end_col_offset :]  # type: ignore[operator,index]
            lines[value.lineno - 1 : value.end_lineno] = [first + "{}" + last]
            path.write_text("".join(lines), "utf-8")
            return
    raise ValueError(f"no CATALOG dict in {path}")


def main(argv: list[str]) -> int:
    from core import messages

    pending = dict(messages.CATALOG)
    if "--check" in argv:
        if pending:
            print(f"{len(pending)} message(s) in core/messages.py to import: run `make messages-import`", file=sys.stderr)
            return 1
        return 0
    if not pending:
        print("nothing to import")
        return 0
    added = import_entries(pending, replace="--replace" in argv)
    empty_pending_dict()
    drafts = [key for key in added if "pt_BR" not in pending[key]]
    print(f"imported {len(added)} message(s): {', '.join(added)}")
    if drafts:
        print(f"write the Brazilian Portuguese of: {', '.join(drafts)} (fuzzy in pt_BR/messages.po)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
