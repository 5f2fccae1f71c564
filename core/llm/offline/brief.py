"""Reading a site description: everything the offline generator takes from the user's words."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from core.errors import InvalidPhone
from core.i18n.locales import family
from core.i18n.phones import normalise
from core.language import detect_language
from core.llm.offline.contacts import find_email, find_phone, find_urls, social_urls
from core.llm.offline.hours import Span, parse_hours
from core.llm.offline.items import PricedItem, priced_items, without_prices
from core.llm.offline.kinds import DEFAULT_PRESET, detect_kind
from core.llm.offline.places import (
    CURRENCY,
    DEFAULT_COUNTRY,
    Country,
    currency_written,
    find_place,
    iso_country,
)
from core.llm.offline.specialties import specialty_in
from core.llm.offline.textfit import fit
from core.llm.offline.vocabulary import DARK_WORDS, first_mention, sections_mentioned
from core.site.business import BusinessKind
from core.site.presets import Mode, colour_named, fold, preset, style_named, theme_with_primary
from core.site.sections import SectionKind
from core.site.theme import Theme
from core.site.values import Language

_QUOTED = re.compile(r"[“\"«]([^”\"»\n]{1,120})[”\"»]|(?:(?<=\s)|^)'([^'\n]{1,120})'(?=[\s,.;:!?]|$)")
_NAMED = re.compile(
    r"\b(?:called|named|name is|chamad[ao]|de nome|com o nome|o nome e|llamad[ao]|de nombre|con el nombre|"
    r"el nombre es|se llama|se chama)\s+(.+)",
    re.IGNORECASE,
)
_NAME_STOP = re.compile(
    r"\s*(?:[,.;:!?(]|\s(?:em|in|en|no|na|com|with|con|que|that|which|para|for|and|e|y|at|located|situad[oa]|"
    r"localizad[oa]|based)\s)",
    re.IGNORECASE,
)
_WHATSAPP_WORDS = ("whatsapp", "whats", "zap", "zapzap", "wpp", "wa")
_HOURS_WORDS = ("horario", "horarios", "hours", "opening hours", "opening times", "horas de abertura")


@dataclass(frozen=True)
class Brief:
    """What a description asks for, with every gap filled by a sensible default."""

    text: str
    language: Language
    kind: BusinessKind
    name: str  # "" when the user gave none: one is invented from the kind and city
    noun: str  # the user's own words for the business ("florist", "escola de surf"), "" if none
    of_city: str  # Portuguese "de/do/da" as the user's "em/no/na" before the city implies, "" if unknown
    city: str
    country: Country
    currency: str
    phone: str  # E.164 ("+5541998765432"), "" if none given
    whatsapp: bool  # the user said the phone takes WhatsApp
    email: str
    urls: tuple[str, ...]
    requested: tuple[SectionKind, ...]
    wants_hours: bool
    hours: Span | None
    theme: Theme
    seed: int
    items: tuple[PricedItem, ...] = ()  # the user's own items with their prices, exactly as written
    specialty: str = ""  # a specialty without item copy ("thai", "yoga"): no copy items, ever


def seed_of(text: str) -> int:
    """A stable seed: the same words always give the same site (never Python's salted hash())."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def read_brief(text: str, language: Language | None = None) -> Brief:
    lang = _language(text, language)
    kind = detect_kind(text)
    specialty = specialty_in(text)
    if specialty is not None and specialty.kind is not None:
        kind = specialty.kind
    place = find_place(text, lang)
    folded = fold(text)
    requested = tuple(sections_mentioned(text))
    wants_hours = first_mention(folded, _HOURS_WORDS) is not None
    return Brief(
        text=text,
        language=lang,
        kind=kind,
        name=explicit_name(text),
        noun=business_noun(text, place.city),
        of_city=_OF_CITY.get(_place_preposition(text), ""),
        city=fit(place.city, 80),
        country=place.country,
        currency=currency_written(text) or CURRENCY[place.country],
        phone=_phone(text, place.country, lang),
        whatsapp=first_mention(folded, _WHATSAPP_WORDS) is not None,
        email=find_email(text) or "",
        urls=tuple(dict.fromkeys([*find_urls(text), *social_urls(text)])),
        requested=requested,
        wants_hours=wants_hours,
        hours=parse_hours(without_prices(text)),
        theme=theme_for(text, kind),
        seed=seed_of(text),
        items=tuple(priced_items(text)),
        specialty=specialty.name if specialty is not None else "",
    )


_NOUN_BEFORE_PLACE = re.compile(
    r"^\s*(?:(?:a|an|the|um|uma|un|una|o|el|la)\s+)?(?P<noun>[^\W\d_][^\d,.;:!?()\"“”«»]{2,60}?)"
    r"\s+(?P<prep>in|at|em|no|na|nos|nas|en)\s+(?P<place>.+)",
    re.IGNORECASE,
)
_NOT_A_NOUN = frozenset(
    [
        "with",
        "com",
        "con",
        "for",
        "para",
        "que",
        "that",
        "which",
        "and",
        "e",
        "y",
        "my",
        "our",
        "meu",
        "minha",
        "nosso",
        "nossa",
        "mi",
        "nuestro",
        "nuestra",
        "i",
        "we",
        "eu",
        "yo",
        "nos",
        "site",
        "website",
        "sitio",
        "page",
        "pagina",
    ]
)


_OF_CITY = {"em": "de", "no": "do", "na": "da", "nos": "dos", "nas": "das"}


def _place_preposition(text: str) -> str:
    match = _NOUN_BEFORE_PLACE.match(text)
    return match.group("prep").lower() if match else ""


def business_noun(text: str, city: str) -> str:
    """The words before "in <city>" that say what the business is: "A florist in Bristol" -> "florist".

    Only a short phrase directly before the city counts, and only when it reads as a noun
    phrase (no "with", "for", "my site"...); otherwise "" and the kind's own words are used.
    """
    match = _NOUN_BEFORE_PLACE.match(text)
    if not match or not city or not fold(match.group("place")).startswith(fold(city)):
        return ""
    noun = " ".join(match.group("noun").split())
    words = fold(noun).split()
    if not 1 <= len(words) <= 4 or any(word in _NOT_A_NOUN for word in words):
        return ""
    return noun


def explicit_name(text: str) -> str:
    """A name the user gave: in quotes, or after "called / chamada / llamado"."""
    quoted = _QUOTED.search(text)
    if quoted:
        return fit(quoted.group(1) or quoted.group(2) or "", 80)
    named = _NAMED.search(text)
    if not named:
        return ""
    rest = named.group(1)
    stop = _NAME_STOP.search(rest)
    name = rest[: stop.start()] if stop else rest
    return fit(" ".join(name.split()[:6]), 80)


def theme_for(text: str, kind: BusinessKind) -> Theme:
    """The kind's preset, or the style asked for, coloured by a named colour if any."""
    folded = fold(text)
    mode: Mode = "dark" if first_mention(folded, DARK_WORDS) is not None else "light"
    base = preset(style_named(text) or DEFAULT_PRESET[kind])
    colour = colour_named(text)
    if colour is not None:
        return theme_with_primary(base, colour, mode)
    return preset(style_named(text) or DEFAULT_PRESET[kind], mode)


_SAME_LANGUAGE: dict[str, tuple[Country, ...]] = {"pt": ("PT", "BR"), "en": ("GB", "US"), "es": ("ES", "MX", "AR")}


def _phone(text: str, country: Country, language: Language) -> str:
    """The phone number the user gave, as E.164, read as a number of the business's country.

    A city the generator does not know leaves the country a guess from the language, so a
    number that is not valid there is tried in the other countries of that language ("0161 496
    0123" from a business in Leeds). Raises ``InvalidPhone`` when it is valid nowhere: a wrong
    number is worse on a page than none.
    """
    written = find_phone(text)
    if not written:
        return ""
    try:
        return normalise(written, iso_country(country))
    except InvalidPhone:
        if country != DEFAULT_COUNTRY[language]:
            raise
        for other in _SAME_LANGUAGE[family(language)]:
            if other != country:
                try:
                    return normalise(written, iso_country(other))
                except InvalidPhone:
                    continue
        raise


def _language(text: str, asked: Language | None) -> Language:
    """The site's locale: the text's language, in the variant the conversation speaks.

    Studio hands over the locale it chose (the platform's or the user's Portuguese variant wins
    over cues in the text); a description in another language still gets a site in that one.
    """
    if not text.strip():
        return asked or "en"
    detected = detect_language(text, default=asked)
    return asked if asked is not None and family(asked) == family(detected) else detected
