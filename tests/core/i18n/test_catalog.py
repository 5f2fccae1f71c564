"""The message catalog: complete in every locale, same placeholders, compiled, plurals and contexts."""

from __future__ import annotations

import importlib.util
import re
import shutil
import string
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from core import messages
from core.i18n.catalog import LOCALE_DIR, say, say_in, say_plural
from core.i18n.compile import source_path, stale
from core.i18n.keys import TEMPLATE
from core.i18n.locales import LOCALES
from core.i18n.variants import foreign_forms

ROOT = Path(__file__).resolve().parents[3]


def _catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _key(message: Message) -> tuple[str | None, str]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, msgid


def _texts(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


TEMPLATE_KEYS = {_key(m) for m in _catalog(TEMPLATE) if m.id}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_key_is_translated_in_every_locale(locale: str) -> None:
    catalog = _catalog(source_path(locale), locale)
    found = {_key(m): m for m in catalog if m.id}
    assert set(found) == TEMPLATE_KEYS, "the .po and messages.pot hold different keys: run `make messages`"
    untranslated = [key for key, m in found.items() if not all(_texts(m))]
    fuzzy = [key for key, m in found.items() if m.fuzzy]
    assert not untranslated, f"{locale}: no translation for {untranslated}"
    assert not fuzzy, f"{locale}: drafts still to review (fuzzy): {fuzzy}"


def test_placeholders_are_the_same_in_every_locale() -> None:
    english = {_key(m): m for m in _catalog(source_path("en"), "en") if m.id}
    for locale in LOCALES:
        for message in _catalog(source_path(locale), locale):
            if not message.id:
                continue
            expected = set().union(*(_placeholders(t) for t in _texts(english[_key(message)])))
            for text in _texts(message):
                got = _placeholders(text)
                # A singular form may say "1" instead of "{count}"; every other placeholder must be there.
                assert got - {"count"} == expected - {"count"} and got <= expected, (locale, _key(message), text)


def test_compiled_catalogs_are_not_stale() -> None:
    assert stale() == [], "a .po changed since its .mo was built: run `make catalogs`"


def test_no_message_waits_in_the_old_dict_form() -> None:
    assert messages.CATALOG == {}, "run `make messages-import` to move these keys into the catalogs"


def test_every_key_the_code_names_is_in_the_catalog() -> None:
    keywords = {"say": (2,), "say_plural": (2,), "say_in": ((2, "c"), 3)}
    named: set[tuple[str | None, str]] = set()
    for folder in ("core", "bots", "hosting", "pipeline", "billing"):
        for _file, _line, message, _comments, context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=keywords  # type: ignore[arg-type]
        ):
            key = message if isinstance(message, str) else message[0]
            if key:
                named.add((context, key))
    assert named, "the extractor found no keys at all"
    assert named - TEMPLATE_KEYS == set()


def test_plural_forms_follow_each_locale() -> None:
    assert say_plural("pt_BR", "history_header", 1, name="Padaria") == "“Padaria” tem 1 versão:"
    assert say_plural("pt_BR", "history_header", 3, name="Padaria") == "“Padaria” tem 3 versões:"
    assert say_plural("pt_PT", "history_header", 3, name="Padaria") == "“Padaria” tem 3 versões:"
    assert say_plural("en", "history_header", 1, name="Bakery") == "“Bakery” has 1 version:"
    assert say_plural("es", "history_header", 2, name="Panadería") == "“Panadería” tiene 2 versiones:"
    # Brazil counts zero as singular, Portugal as plural.
    assert "0 seção alterada" in say_plural("pt_BR", "preview_ready_refine", 0, version=2, url="u")
    assert "0 secções alteradas" in say_plural("pt_PT", "preview_ready_refine", 0, version=2, url="u")


def test_context_tells_apart_the_same_word_in_different_places() -> None:
    # A restaurant's "menu" section is a "Cardápio" in Brazil and a "Menu" in Portugal...
    assert say_in("pt_BR", "section", "menu") == "Cardápio"
    assert say_in("pt_PT", "section", "menu") == "Menu"
    # ...while the same key without context is not a message at all, and "contact" differs by place.
    assert say_in("pt_BR", "site_nav", "contact") == "Contato"
    assert say_in("pt_PT", "site_nav", "contact") == "Contacto"
    assert say_in("en", "metric", "requests") == "requests served"
    assert say("pt_BR", "command_language") == "Escolher o idioma"


@pytest.mark.parametrize("locale", ["pt_BR", "pt_PT"])
def test_no_portuguese_message_uses_the_other_variants_words(locale: str) -> None:
    foreign = {}
    for message in _catalog(source_path(locale), locale):
        if not message.id:
            continue
        for text in _texts(message):
            # Commands and URLs are not Portuguese ("/domain exemplo.pt" is a sample address).
            words = re.sub(r"https?://\S+|/\w+|`[^`]*`|\{\w+\}|\S+\.(?:pt|br)\b", " ", text)
            found = foreign_forms(words, locale)  # type: ignore[arg-type]
            if found:
                foreign[_key(message)] = found
    assert foreign == {}


def _load_import_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("messages_import", ROOT / "scripts" / "messages_import.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["messages_import"] = module
    spec.loader.exec_module(module)
    return module


def test_keys_from_other_branches_are_imported_and_the_brazilian_draft_must_be_reviewed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dict form other branches still write becomes catalog entries; pt_BR starts as a fuzzy draft."""
    script = _load_import_script()
    locale_dir = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale_dir, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(script, "TEMPLATE", locale_dir / "messages.pot")
    monkeypatch.setattr(script, "po_path", lambda locale: locale_dir / locale / "LC_MESSAGES" / "messages.po")
    module = tmp_path / "messages.py"
    module.write_text('CATALOG: dict[str, dict[str, str]] = {\n    "k": {"en": "x"},\n}\n\n\ndef say() -> None: ...\n')
    added = script.import_entries(
        {"image_too_big": {"en": "That image is {size} MB.", "pt": "Essa imagem tem {size} MB.", "es": "Esa imagen pesa {size} MB."}}
    )
    script.empty_pending_dict(module)
    assert added == ["image_too_big"]
    assert module.read_text().startswith("CATALOG: dict[str, dict[str, str]] = {}\n") and "def say()" in module.read_text()
    portugal = _catalog(locale_dir / "pt_PT" / "LC_MESSAGES" / "messages.po").get("image_too_big")
    brazil = _catalog(locale_dir / "pt_BR" / "LC_MESSAGES" / "messages.po").get("image_too_big")
    assert portugal.string == "Essa imagem tem {size} MB." and not portugal.fuzzy
    assert brazil.string == "Essa imagem tem {size} MB." and brazil.fuzzy  # fails the completeness test until reviewed
    assert _catalog(locale_dir / "messages.pot").get("image_too_big") is not None
    with pytest.raises(ValueError, match="already in the catalog"):
        script.import_entries({"image_too_big": {"en": "again", "pt": "de novo", "es": "otra vez"}})
