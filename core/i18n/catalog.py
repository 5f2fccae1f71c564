"""The one gettext catalog every front door reads: chat replies, help, errors, edge pages, site words.

Messages are looked up by key (the msgid is a stable key such as
``preview_ready_create``, not English text), so code that says something
never changes when its wording does, and translators see every locale's text
in a ``.po`` file. ``say`` fills ``{name}`` placeholders with ``str.format``.
Plural forms go through ``ngettext`` (``say_plural``); words that mean
different things in different places carry a context (``say_in``: a site's
"menu" section is a "Cardápio" in Brazil, the navigation menu is not).

The compiled ``.mo`` files are built by the install step (``make catalogs``,
``python -m core.i18n.compile``); they are never committed. A missing one is
an install error, reported as such, not a silent fallback to English.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

from core.i18n.locales import Locale

DOMAIN = "messages"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


class CatalogMissing(RuntimeError):
    """A compiled catalog is absent: the install step (``make catalogs``) has not run."""


class MessageMissing(KeyError):
    """No message under this key (and context) in the catalog."""


# Where a message is missing in a locale (a key just merged, not yet translated), the
# nearest locale answers rather than an error; the catalog tests keep this from shipping.
_FALLBACKS: dict[Locale, tuple[Locale, ...]] = {
    "pt_BR": ("pt_PT", "en"),
    "pt_PT": ("pt_BR", "en"),
    "es": ("en",),
    "en": (),
}


def compiled_path(locale: Locale) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _load(locale: Locale) -> gettext.GNUTranslations:
    path = compiled_path(locale)
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError as error:
        raise CatalogMissing(
            f"{path} is missing: build the message catalogs with `make catalogs` "
            "(python -m core.i18n.compile)"
        ) from error


@cache
def translations(locale: Locale) -> gettext.GNUTranslations:
    """The compiled catalog of ``locale`` with its fallbacks, loaded once per process."""
    catalog = _load(locale)
    for other in _FALLBACKS[locale]:
        catalog.add_fallback(_load(other))
    return catalog


def _checked(text: str, key: str, context: str | None = None) -> str:
    # gettext hands the msgid back when it has no translation; a key is never its own translation.
    if text == key:
        raise MessageMissing(f"{context}|{key}" if context else key)
    return text


def say(locale: Locale, key: str, **params: Any) -> str:
    """The message ``key`` in ``locale``, with ``params`` filled in."""
    return _checked(translations(locale).gettext(key), key).format(**params)


def say_plural(locale: Locale, key: str, count: int, **params: Any) -> str:
    """The form of ``key`` that suits ``count`` ("1 versão", "3 versões"); ``{count}`` is filled in."""
    text = translations(locale).ngettext(key, key + "_plural", count)
    if text in (key, key + "_plural"):
        raise MessageMissing(key)
    return text.format(count=count, **params)


def say_in(locale: Locale, context: str, key: str, **params: Any) -> str:
    """The message ``key`` in ``context`` (``section``, ``metric``, ``site``...) in ``locale``."""
    return _checked(translations(locale).pgettext(context, key), key, context).format(**params)
