"""Is this message about the open site, or about another business?

A conversation keeps its site open across restarts, so a person who comes back and types
"A florist in Bristol" while "Lisbon Bakery" is open means a new site, not a refinement of the
bakery (which the refinement reader cannot understand, and which a following /publish would
put online). This is a domain rule, the same for every front door: Studio asks it for every
message that is not a command while a site is open.

The rule is deliberately cautious. A message is read as another business only when it is
shaped like a description — it does not open with an editing verb ("make", "add", "muda",
"añade"...) and it names a business in a place ("a florist in Bristol", "uma escola de surf na
Ericeira") — and what it names contradicts the open site: another kind of business, another
city, another noun in the same language, or another name given explicitly. Anything else stays
a change to the open site; a description of the open site itself that asks for nothing is
answered by saying which site is open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from core.i18n.locales import Family, family
from core.language import detect_language
from core.llm.offline.brief import business_noun, explicit_name
from core.llm.offline.kinds import detect_kind
from core.llm.offline.places import find_place
from core.llm.offline.refine import parse_refinement
from core.site.business import BusinessKind
from core.site.presets import fold
from core.site.site import Site

MessageIntent = Literal["another_business", "same_business", "change"]

# Imperatives that open a change, in English, Portuguese (both variants) and Spanish (folded: no
# accents). A message opening with one
# is an edit of the open site whatever business words follow ("add a bakery menu").
_EDIT_OPENING = re.compile(
    r"^\s*(?:(?:please|pls|por favor|se faz favor|porfa)[\s,]+)?(?:"
    r"make|add|change|remove|delete|drop|put|move|use|set|call|rename|replace|switch|turn|show|hide|"
    r"update|give|let|translate|swap|undo|redo|"
    r"deixa|deixe|faz|faca|muda|mude|altera|altere|adiciona|adicione|acrescenta|acrescente|tira|tire|"
    r"remova|apaga|apague|poe|ponha|coloca|coloque|bota|bote|usa|troca|troque|chama|traduz|sobe|suba|"
    r"inclui|inclua|mova|"
    r"haz|hazlo|cambia|cambie|anade|agrega|quita|elimina|borra|pon|ponle|ponlo|llama|mueve|traduce"
    r")\b",
)


@dataclass(frozen=True)
class BusinessTraits:
    """What a description says about the business: each field empty (or "other") when it says nothing."""

    kind: BusinessKind
    city: str  # folded, in one spelling for every language ("Lisboa" and "Lisbon" are one city)
    noun: str  # folded: the words before "in <city>" ("florist", "escola de surf")
    name: str  # folded: a name given in quotes or after "called"
    language: Family  # nouns are compared within one language; pt_BR and pt_PT are one

    @classmethod
    def of(cls, text: str) -> BusinessTraits:
        locale = detect_language(text, default="en")
        city = find_place(text, "en").city
        return cls(
            kind=detect_kind(text),
            city=fold(city),
            noun=fold(business_noun(text, find_place(text, locale).city)),
            name=fold(explicit_name(text)),
            language=family(locale),
        )


def _open_site_traits(site: Site, description: str) -> BusinessTraits:
    """The open site as its first description told it, completed by the site's own business data."""
    told = BusinessTraits.of(description)
    kind = told.kind if told.kind != "other" else site.business.kind
    city = told.city or (fold(find_place(site.business.city, "en").city) if site.business.city else "")
    return BusinessTraits(kind, city, told.noun, fold(site.name), told.language)


def _contradicts(new: BusinessTraits, old: BusinessTraits) -> bool:
    if new.kind != "other" and old.kind != "other" and new.kind != old.kind:
        return True
    if new.city and old.city and new.city != old.city:
        return True
    if new.noun and old.noun and new.language == old.language:
        # "padaria" and "padaria artesanal" are one business; nouns in two languages are not compared
        words, old_words = set(new.noun.split()), set(old.noun.split())
        if not (words <= old_words or old_words <= words):
            return True
    return bool(new.name) and new.name != old.name


def read_against_site(message: str, site: Site, description: str) -> MessageIntent:
    """What ``message`` means while ``site`` (first described as ``description``) is open.

    ``another_business``: it describes a different business: start a new site for it.
    ``same_business``: it describes the open site again and asks for nothing: say it is open.
    ``change``: anything else: a refinement of the open site.
    """
    if _EDIT_OPENING.match(fold(message)):
        return "change"
    new = BusinessTraits.of(message)
    # Only "<business> in <city>" reads as a description: a kind word alone ("a coffee corner",
    # "Italian food") may well be a change to the open site, and stays one.
    if not (new.noun or (new.kind != "other" and new.city)):
        return "change"
    if _contradicts(new, _open_site_traits(site, description)):
        return "another_business"
    return "change" if not parse_refinement(message).empty() else "same_business"
