"""The offline generator's copy, per business kind and language.

Writers edit ``pt.py`` (European Portuguese), ``pt_br.py`` (Brazilian Portuguese,
written for Brazil, not converted), ``en.py`` and ``es.py`` (one ``KindCopy`` per
kind) and ``generic.py`` / ``generic_pt_br.py`` (what every kind shares); nothing
here decides page structure.
"""

from __future__ import annotations

from core.llm.offline.copy import en, es, pt, pt_br
from core.llm.offline.copy.generic import GENERIC
from core.llm.offline.copy.model import KindCopy, LanguageCopy
from core.site.business import BusinessKind
from core.site.values import Language

_KINDS: dict[Language, dict[BusinessKind, KindCopy]] = {
    "pt_PT": pt.KINDS,
    "pt_BR": pt_br.KINDS,
    "en": en.KINDS,
    "es": es.KINDS,
}


def kind_copy(kind: BusinessKind, language: Language) -> KindCopy:
    return _KINDS[language].get(kind, _KINDS[language]["other"])


def language_copy(language: Language) -> LanguageCopy:
    return GENERIC[language]
