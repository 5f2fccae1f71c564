"""The four locales Page Magic speaks, and how a platform's language tag maps onto them.

Portuguese is two locales, not one: Brazilian readers find European Portuguese
foreign ("está a receber", "equipa", "telemóvel") and the reverse holds too.
Spanish is one locale, written in forms both Latin America and Spain read
naturally (see docs/languages.md). A locale is stored as its gettext name
(``pt_BR``); pages carry its BCP 47 tag (``pt-BR``).
"""

from __future__ import annotations

from typing import Literal

Locale = Literal["pt_BR", "pt_PT", "en", "es"]
LOCALES: tuple[Locale, ...] = ("pt_BR", "pt_PT", "en", "es")

# A language without its region: what text detection and word lists work on.
Family = Literal["pt", "en", "es"]

# Unknown Portuguese is Brazilian: most Portuguese speakers are.
DEFAULT_PORTUGUESE: Locale = "pt_BR"

_TAGS: dict[Locale, str] = {"pt_BR": "pt-BR", "pt_PT": "pt-PT", "en": "en", "es": "es"}
# Values stored before Portuguese had two locales were written in European Portuguese.
_LEGACY: dict[str, Locale] = {"pt": "pt_PT"}


def family(locale: Locale) -> Family:
    """``pt_BR`` and ``pt_PT`` are both Portuguese."""
    if locale in ("pt_BR", "pt_PT"):
        return "pt"
    return "en" if locale == "en" else "es"


def is_portuguese(locale: Locale) -> bool:
    return locale in ("pt_BR", "pt_PT")


def html_lang(locale: Locale) -> str:
    """The BCP 47 tag for ``<html lang>`` and ``Content-Language``: ``pt-BR``, ``pt-PT``, ``en``, ``es``."""
    return _TAGS[locale]


def stored_locale(value: str | None) -> Locale | None:
    """A locale read back from storage or a saved spec; the old ``pt`` was European Portuguese."""
    if value is None:
        return None
    if value in LOCALES:
        return value
    return _LEGACY.get(value)


def locale_from_tag(tag: str | None) -> Locale | None:
    """A platform's language tag as one of our locales, or None when we don't speak it.

    Telegram sends IETF tags (``pt-br``, ``pt``, ``es-419``, ``en-GB``); Slack sends
    ``pt-BR``; terminals set ``pt_BR.UTF-8``. A bare ``pt`` (or ``pt-PT``, ``pt-AO``, ...)
    is European Portuguese; only Brazil's region says Brazilian.
    """
    cleaned = (tag or "").split(".", 1)[0].split("@", 1)[0].replace("_", "-").strip().lower()
    if not cleaned:
        return None
    language, _, region = cleaned.partition("-")
    if language == "pt":
        return "pt_BR" if region == "br" else "pt_PT"
    if language in ("en", "es"):
        return language  # type: ignore[return-value]
    return None
