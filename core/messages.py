"""Every sentence the product says to a user: the gettext catalog, looked up by key.

Adapters never write user-facing text of their own: Studio picks the message
by key and fills it in the conversation's locale (``pt_BR``, ``pt_PT``, ``en``,
``es``). The text lives in ``core/i18n/locale/<locale>/LC_MESSAGES/messages.po``;
see docs/languages.md.

``CATALOG`` below is only an inbox for messages written on another branch in
the old dict form (``"key": {"en": ..., "pt": ..., "es": ...}``): ``say`` reads
it first, and ``make messages-import`` moves its entries into the ``.po`` files
(a test fails while it holds any).
"""

from __future__ import annotations

from typing import Any

from core.i18n import catalog
from core.i18n.catalog import MessageMissing, say_in, say_plural
from core.i18n.locales import Locale, family

__all__ = ["CATALOG", "certificate_reason", "domain_reason", "metric_label", "say", "say_in", "say_plural", "section_label"]

# Messages still to import into the catalogs (see the module docstring); normally empty.
CATALOG: dict[str, dict[str, str]] = {}


def _pending(entry: dict[str, str], language: Locale) -> str:
    return entry.get(language) or entry.get(family(language)) or entry["en"]


def say(language: Locale, key: str, **params: Any) -> str:
    """The message ``key`` in ``language``, with ``params`` filled in."""
    entry = CATALOG.get(key)
    if entry is not None:
        return _pending(entry, language).format(**params)
    return catalog.say(language, key, **params)


def section_label(language: Locale, kind: str) -> str:
    """A section kind as the chat names it ("Cardápio" in Brazil); an unknown kind as it is."""
    try:
        return say_in(language, "section", kind)
    except MessageMissing:
        return kind


def metric_label(language: Locale, metric: str) -> str:
    try:
        return say_in(language, "metric", metric)
    except MessageMissing:
        return metric


def domain_reason(language: Locale, reason: str, **params: Any) -> str:
    """Why a domain was refused, in ``language``; an unknown code is shown as it is."""
    try:
        return say_in(language, "domain_reason", reason, **params)
    except MessageMissing:
        return reason


def certificate_reason(language: Locale, cause: str) -> str | None:
    """Why a certificate could not be had, in ``language``; None for a cause we have no words for."""
    try:
        return say_in(language, "certificate_reason", cause)
    except MessageMissing:
        return None
