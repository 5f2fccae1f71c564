"""Cities and countries: where a business is, and what follows from it.

The country decides the currency, the phone format and the e-mail domain; the
city gives the invented name and address. Only a handful of cities are known by
name; any other capitalised place after "em/in/en" is still taken as the city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from core.i18n.locales import family
from core.site.presets import fold
from core.site.values import Language

Country = Literal["PT", "BR", "ES", "MX", "AR", "GB", "US", "EU"]

_CITIES: dict[str, tuple[str, str, str, Country]] = {
    # folded name: (pt, en, es spelling, country)
    "lisboa": ("Lisboa", "Lisbon", "Lisboa", "PT"),
    "lisbon": ("Lisboa", "Lisbon", "Lisboa", "PT"),
    "porto": ("Porto", "Porto", "Oporto", "PT"),
    "oporto": ("Porto", "Porto", "Oporto", "PT"),
    "coimbra": ("Coimbra", "Coimbra", "Coímbra", "PT"),
    "braga": ("Braga", "Braga", "Braga", "PT"),
    "faro": ("Faro", "Faro", "Faro", "PT"),
    "aveiro": ("Aveiro", "Aveiro", "Aveiro", "PT"),
    "evora": ("Évora", "Évora", "Évora", "PT"),
    "funchal": ("Funchal", "Funchal", "Funchal", "PT"),
    "cascais": ("Cascais", "Cascais", "Cascais", "PT"),
    "sintra": ("Sintra", "Sintra", "Sintra", "PT"),
    "sao paulo": ("São Paulo", "São Paulo", "São Paulo", "BR"),
    "rio de janeiro": ("Rio de Janeiro", "Rio de Janeiro", "Río de Janeiro", "BR"),
    "belo horizonte": ("Belo Horizonte", "Belo Horizonte", "Belo Horizonte", "BR"),
    "brasilia": ("Brasília", "Brasília", "Brasilia", "BR"),
    "curitiba": ("Curitiba", "Curitiba", "Curitiba", "BR"),
    "salvador": ("Salvador", "Salvador", "Salvador", "BR"),
    "recife": ("Recife", "Recife", "Recife", "BR"),
    "porto alegre": ("Porto Alegre", "Porto Alegre", "Porto Alegre", "BR"),
    "fortaleza": ("Fortaleza", "Fortaleza", "Fortaleza", "BR"),
    "florianopolis": ("Florianópolis", "Florianópolis", "Florianópolis", "BR"),
    "campinas": ("Campinas", "Campinas", "Campinas", "BR"),
    "manaus": ("Manaus", "Manaus", "Manaos", "BR"),
    "goiania": ("Goiânia", "Goiânia", "Goiânia", "BR"),
    "niteroi": ("Niterói", "Niterói", "Niterói", "BR"),
    "buenos aires": ("Buenos Aires", "Buenos Aires", "Buenos Aires", "AR"),
    "rosario": ("Rosário", "Rosario", "Rosario", "AR"),
    "mendoza": ("Mendoza", "Mendoza", "Mendoza", "AR"),
    "la plata": ("La Plata", "La Plata", "La Plata", "AR"),
    "madrid": ("Madrid", "Madrid", "Madrid", "ES"),
    "barcelona": ("Barcelona", "Barcelona", "Barcelona", "ES"),
    "valencia": ("Valência", "Valencia", "Valencia", "ES"),
    "sevilla": ("Sevilha", "Seville", "Sevilla", "ES"),
    "seville": ("Sevilha", "Seville", "Sevilla", "ES"),
    "bilbao": ("Bilbau", "Bilbao", "Bilbao", "ES"),
    "malaga": ("Málaga", "Málaga", "Málaga", "ES"),
    "granada": ("Granada", "Granada", "Granada", "ES"),
    "zaragoza": ("Saragoça", "Zaragoza", "Zaragoza", "ES"),
    "ciudad de mexico": ("Cidade do México", "Mexico City", "Ciudad de México", "MX"),
    "mexico city": ("Cidade do México", "Mexico City", "Ciudad de México", "MX"),
    "cdmx": ("Cidade do México", "Mexico City", "Ciudad de México", "MX"),
    "guadalajara": ("Guadalajara", "Guadalajara", "Guadalajara", "MX"),
    "monterrey": ("Monterrey", "Monterrey", "Monterrey", "MX"),
    "london": ("Londres", "London", "Londres", "GB"),
    "londres": ("Londres", "London", "Londres", "GB"),
    "manchester": ("Manchester", "Manchester", "Mánchester", "GB"),
    "edinburgh": ("Edimburgo", "Edinburgh", "Edimburgo", "GB"),
    "bristol": ("Bristol", "Bristol", "Bristol", "GB"),
    "new york": ("Nova Iorque", "New York", "Nueva York", "US"),
    "nova iorque": ("Nova Iorque", "New York", "Nueva York", "US"),
    "nueva york": ("Nova Iorque", "New York", "Nueva York", "US"),
    "san francisco": ("São Francisco", "San Francisco", "San Francisco", "US"),
    "chicago": ("Chicago", "Chicago", "Chicago", "US"),
    "boston": ("Boston", "Boston", "Boston", "US"),
    "austin": ("Austin", "Austin", "Austin", "US"),
    "seattle": ("Seattle", "Seattle", "Seattle", "US"),
    "los angeles": ("Los Angeles", "Los Angeles", "Los Ángeles", "US"),
    "paris": ("Paris", "Paris", "París", "EU"),
    "berlin": ("Berlim", "Berlin", "Berlín", "EU"),
    "amsterdam": ("Amesterdão", "Amsterdam", "Ámsterdam", "EU"),
    "dublin": ("Dublin", "Dublin", "Dublín", "EU"),
    "rome": ("Roma", "Rome", "Roma", "EU"),
    "roma": ("Roma", "Rome", "Roma", "EU"),
}
_COUNTRY_WORDS: dict[str, Country] = {
    "portugal": "PT",
    "brasil": "BR",
    "brazil": "BR",
    "espanha": "ES",
    "spain": "ES",
    "espana": "ES",
    "mexico": "MX",
    "argentina": "AR",
    "uk": "GB",
    "england": "GB",
    "inglaterra": "GB",
    "united kingdom": "GB",
    "scotland": "GB",
    "usa": "US",
    "united states": "US",
    "estados unidos": "US",
    "eua": "US",
    "eeuu": "US",
    "france": "EU",
    "germany": "EU",
    "ireland": "EU",
    "italy": "EU",
    "netherlands": "EU",
}
_NOT_PLACES = frozenset(
    [
        "english",
        "ingles",
        "portugues",
        "portuguese",
        "spanish",
        "espanol",
        "castellano",
        "dark",
        "light",
        "black",
        "white",
        "the",
        "my",
        "our",
        "a",
        "an",
        "it",
        "his",
        "her",
        "their",
        "this",
    ]
)
CURRENCY: dict[Country, str] = {
    "PT": "EUR",
    "ES": "EUR",
    "EU": "EUR",
    "BR": "BRL",
    "MX": "MXN",
    "AR": "ARS",
    "GB": "GBP",
    "US": "USD",
}
DEFAULT_COUNTRY: dict[Language, Country] = {"pt_BR": "BR", "pt_PT": "PT", "es": "ES", "en": "US"}
# A city named after "em / in / en / no / na / at": one to four capitalised words.
_PLACE_AFTER = re.compile(
    r"\b(?:em|in|en|no|na|at|near|perto de|cerca de|based in|situado en|localizado em)\s+"
    r"((?:[A-ZÀ-Ý][\w'’-]+)(?:\s+(?:de|do|da|del|dos|das|la|el)?\s*[A-ZÀ-Ý][\w'’-]+){0,3})"
)


@dataclass(frozen=True)
class Place:
    city: str
    country: Country


def find_place(text: str, language: Language) -> Place:
    """The city and country ``text`` mentions; city "" and the language's country when none."""
    folded = f" {fold(text)} "
    index = {"pt": 0, "en": 1, "es": 2}[family(language)]
    for key in sorted(_CITIES, key=len, reverse=True):
        if re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", folded):
            entry = _CITIES[key]
            return Place(entry[index], entry[3])
    country = _country_in(folded) or DEFAULT_COUNTRY[language]
    match = _PLACE_AFTER.search(text)
    city = match.group(1).strip() if match else ""
    if fold(city) in _COUNTRY_WORDS or fold(city).split(" ")[0] in _NOT_PLACES:
        city = ""
    return Place(city[:80], country)


def _country_in(folded: str) -> Country | None:
    for word, country in _COUNTRY_WORDS.items():
        if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", folded):
            return country
    return None


def phone_for(country: Country, seed: int) -> str:
    """A plausible, well-formed phone number for ``country``.

    US numbers use the 555-01xx range reserved for fiction.
    """
    digits = f"{seed % 10_000_000:07d}"
    formats: dict[Country, str] = {
        "PT": f"+351 21{digits[0]} {digits[1:4]} {digits[4:7]}",
        "BR": f"+55 11 9{digits[0:4]}-{digits[3:7]}",
        "ES": f"+34 91{digits[0]} {digits[1:4]} {digits[4:7]}",
        "MX": f"+52 55 {digits[0:4]} {digits[3:7]}",
        "AR": f"+54 11 4{digits[0:3]}-{digits[3:7]}",
        "GB": f"+44 20 7{digits[0:3]} {digits[3:7]}",
        "US": f"+1 (212) 555-01{digits[0:2]}",
        "EU": f"+33 1 {digits[0:2]} {digits[2:4]} {digits[4:6]} {digits[6]}0",
    }
    return formats[country]


def email_domain(country: Country, language: Language) -> str:
    tld: dict[Country, str] = {
        "PT": "pt",
        "BR": "com.br",
        "ES": "es",
        "MX": "mx",
        "AR": "com.ar",
        "GB": "co.uk",
        "US": "com",
        "EU": "com",
    }
    return tld[country] if not (country == "EU" and language == "es") else "es"


_MASCULINE = frozenset({"porto", "rio de janeiro", "funchal", "recife", "algarve", "cairo", "mexico", "chiado",
                        "cartaxo", "barreiro", "seixal", "montijo", "rio grande", "rio"})
_FEMININE = frozenset({"maia", "figueira da foz", "covilha", "amadora", "baixa", "horta", "ericeira", "nazare",
                       "lourinha", "trofa", "guarda", "bahia", "mouraria", "graciosa", "madeira"})


def de_city(city: str) -> str:
    """The Portuguese contraction before a city: "de Lisboa", "do Porto", "da Maia"."""
    key = fold(city)
    return "do" if key in _MASCULINE else "da" if key in _FEMININE else "de"


def in_city(language: Language, city: str) -> str:
    """"in <city>" as each language says it: "no Porto", "na Ericeira", "em Lisboa", "en Valencia"."""
    if family(language) == "pt":
        return {"do": "no", "da": "na"}.get(de_city(city), "em") + f" {city}"
    return f"{'en' if family(language) == 'es' else 'in'} {city}"


# Money the user names: a symbol, a code or the currency's name ("R$ 25", "25 reais", "12 €", "£8").
_WRITTEN_CURRENCY: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"r\$|\bbrl\b|\breais\b|\breal\b(?=\s*\d)"), "BRL"),
    (re.compile(r"us\$|\busd\b|\bdollars?\b|\bdolares\b|\bdolares americanos\b"), "USD"),
    (re.compile(r"mx\$|\bmxn\b|\bpesos mexicanos\b"), "MXN"),
    (re.compile(r"\bars\b|\bpesos argentinos\b"), "ARS"),
    (re.compile(r"€|\beur\b|\beuros?\b"), "EUR"),
    (re.compile(r"£|\bgbp\b|\bpounds?\b|\blibras?\b"), "GBP"),
)


def currency_written(text: str) -> str | None:
    """The currency ``text`` names, if any: what the user wrote wins over where the business is."""
    lowered = fold(text)
    found = [(match.start(), code) for pattern, code in _WRITTEN_CURRENCY if (match := pattern.search(lowered))]
    return min(found)[1] if found else None


def iso_country(country: Country) -> str:
    """The ISO code a site stores ("" for the generic euro-area placeholder)."""
    return "" if country == "EU" else country
