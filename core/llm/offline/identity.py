"""A new site's header: name, tagline, business details and SEO, from a brief."""

from __future__ import annotations

import random

from core.i18n.phones import whatsapp_url
from core.llm.offline.brief import Brief
from core.llm.offline.contacts import socials_from
from core.llm.offline.copy import kind_copy, language_copy
from core.llm.offline.hours import as_line, default_hours
from core.llm.offline.places import Country, de_city, email_domain, in_city, iso_country, phone_for
from core.llm.offline.textfit import domain_label, fit
from core.site.business import Business, BusinessKind, Seo, SocialLink
from core.site.site import SiteHeader
from core.site.values import Language

_HELLO: dict[Language, str] = {"pt_BR": "contato", "pt_PT": "ola", "en": "hello", "es": "hola"}
_STREET_LANGUAGE: dict[Country, Language] = {
    "PT": "pt_PT",
    "BR": "pt_BR",
    "ES": "es",
    "MX": "es",
    "AR": "es",
    "GB": "en",
    "US": "en",
    "EU": "en",
}


_SMALL_WORDS = frozenset(
    ["de", "da", "do", "das", "dos", "e", "of", "and", "the", "for", "del", "la", "las", "los", "y", "a"]
)


def site_name(brief: Brief) -> str:
    """The user's name; else their own words for the business with the city ("Bristol Florist",
    "Escola de Surf da Ericeira"); else the kind's invented name."""
    if brief.name:
        return brief.name
    copy = kind_copy(brief.kind, brief.language)
    if not brief.city:
        return fit(copy.name, 80) if not brief.specialty else fit(kind_copy(brief.kind, brief.language).name, 80)
    if brief.noun:
        noun = " ".join(
            w if w.lower() in _SMALL_WORDS and i else w[:1].upper() + w[1:]
            for i, w in enumerate(brief.noun.split())
        )
        patterns: dict[Language, str] = {
            "en": "{city} {noun}",
            "pt_BR": "{noun} {de} {city}",
            "pt_PT": "{noun} {de} {city}",
            "es": "{noun} {city}",
        }
        de = brief.of_city or de_city(brief.city)
        return fit(patterns[brief.language].format(noun=noun, city=brief.city, de=de), 80)
    return fit(copy.name_in_city.format(city=brief.city, de=de_city(brief.city)), 80)


def copy_kind(brief: Brief) -> BusinessKind:
    """The kind whose copy the site's words come from: the neutral one for a specialty without copy."""
    return "other" if brief.specialty else brief.kind


def headline(brief: Brief) -> str:
    """A neutral site's heading in the user's own words: "Family-run Thai restaurant in Manchester"."""
    if not brief.specialty:
        return ""
    noun = brief.noun or brief.specialty
    text = f"{noun} {in_city(brief.language, brief.city)}" if brief.city else noun
    return fit(text[:1].upper() + text[1:], 120)


def build_header(brief: Brief) -> SiteHeader:
    name = site_name(brief)
    copy = kind_copy(copy_kind(brief), brief.language)
    return SiteHeader(
        name=name,
        language=brief.language,
        tagline=fit(copy.tagline, 160),
        theme=brief.theme,
        seo=build_seo(brief, name),
        business=build_business(brief, name),
    )


def build_business(brief: Brief, name: str) -> Business:
    rng = random.Random(brief.seed)
    phone = brief.phone or phone_for(brief.country, brief.seed)
    socials = socials_from(list(brief.urls))
    if brief.whatsapp and brief.phone and not any(link.network == "whatsapp" for link in socials):
        socials.insert(0, SocialLink(network="whatsapp", url=whatsapp_url(brief.phone)))
    hours = (
        [as_line(brief.hours, brief.language, iso_country(brief.country))]
        if brief.hours
        else default_hours(brief.kind, brief.language, iso_country(brief.country))
    )
    return Business(
        kind=brief.kind,
        address=fit(_address(brief, rng), 200) if brief.city else "",
        city=brief.city,
        country=iso_country(brief.country),
        opening_hours=hours,
        phone=phone,
        email=brief.email
        or f"{_HELLO[brief.language]}@{domain_label(name)}.{email_domain(brief.country, brief.language)}",
        socials=socials,
    )


def _address(brief: Brief, rng: random.Random) -> str:
    street_language = _STREET_LANGUAGE[brief.country]
    street = rng.choice(language_copy(street_language).streets)
    number = rng.randint(3, 180)
    if street_language == "en":
        return f"{number} {street}, {brief.city}"
    return f"{street}, {number}, {brief.city}"


def build_seo(brief: Brief, name: str) -> Seo:
    return seo_for(copy_kind(brief), brief.language, name, brief.city, brief.noun if brief.specialty else "")


def seo_for(kind: BusinessKind, language: Language, name: str, city: str, noun: str = "") -> Seo:
    """Title, description and keywords in ``language`` for a site of ``kind`` in ``city``."""
    copy = kind_copy(kind, language)
    where = f" {in_city(language, city)}" if city else ""
    noun = noun or copy.noun
    title = f"{name} · {noun[:1].upper() + noun[1:]}{where}" if city else f"{name} · {copy.tagline}"
    if len(title) > 70:
        title = name
    keywords = [fit(word, 40) for word in (*copy.keywords, city) if word][:12]
    return Seo(
        title=fit(title, 70),
        description=fit(copy.hero[1] + (f" {name}{where}." if where else ""), 160),
        keywords=keywords,
    )
