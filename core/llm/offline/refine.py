"""Understanding a refinement: turning one chat message into a list of intents.

Commands that carry free text ("call it X", "change the headline to X") are
taken out of the message first, so the words inside X are never read as
commands; what remains is read clause by clause for section operations, and
as a whole for colours, mode and style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from core.llm.offline.contacts import find_email, find_phone, find_urls, social_urls
from core.llm.offline.hours import Span, parse_hours
from core.llm.offline.items import PricedItem, priced_items, without_prices
from core.llm.offline.typography import TypeRequest, take_typography
from core.llm.offline.vocabulary import (
    ADD_WORDS,
    AFTER_WORDS,
    BEFORE_WORDS,
    DARK_WORDS,
    END_WORDS,
    LANGUAGE_NAMES,
    LIGHT_WORDS,
    MOVE_WORDS,
    PORTUGUESE_NAMES,
    REMOVE_WORDS,
    TOP_WORDS,
    first_mention,
    sections_mentioned,
)
from core.site.presets import Mode, colour_named, fold, style_named
from core.site.sections import SectionKind
from core.site.values import Language

Verb = Literal["add", "remove", "move"]
Where = Literal["top", "end", "after", "before"]


@dataclass(frozen=True)
class SectionOp:
    verb: Verb
    kind: SectionKind
    where: Where | None = None
    reference: SectionKind | None = None


@dataclass
class Intents:
    name: str | None = None
    tagline: str | None = None
    headline: str | None = None
    subheading: str | None = None
    language: Language | Literal["pt"] | None = None  # "pt": Portuguese, variant not named
    colour: str | None = None
    mode: Mode | None = None
    style: str | None = None
    phone: str | None = None
    whatsapp: bool = False  # the phone takes WhatsApp messages
    email: str | None = None
    address: str | None = None
    hours: Span | None = None
    prices: list[tuple[str, float]] = field(default_factory=list)
    percent: float | None = None
    add_prices: bool = False
    sections: list[SectionOp] = field(default_factory=list)
    type: TypeRequest | None = None  # bigger title, smaller text, more space, a more elegant font
    items: list[PricedItem] = field(default_factory=list)  # "our prices: bread £1, croissant £1.50"
    team: list[tuple[str, str]] = field(default_factory=list)  # (name, role) from "our team is ..."
    socials: list[str] = field(default_factory=list)  # profile links and handles
    booking: str | None = None  # a link that is not a social profile: "our booking link https://..."

    def empty(self) -> bool:
        return self == Intents()


_VALUE = r"[\"“«']?(?P<value>[^\"”»\n]+?)[\"”»']?\s*(?=$|[.;!\n]|,\s|\s(?:and|e|y)\s(?:add|remove|make|change|move|adiciona|remove|muda|tira|deixa|añade|quita|cambia|ponlo|hazlo))"
_FREE_TEXT: tuple[tuple[str, str], ...] = (
    ("tagline", r"\b(?:tagline|slogan|lema|eslogan)\b(?:\s+(?:to|para|a|em|en|is|e|é|es|:))*\s*" + _VALUE),
    ("subheading", r"\b(?:subheading|subtitle|subt[ií]tulo)\b(?:\s+(?:to|para|a|is|e|é|es|:))*\s*" + _VALUE),
    (
        "headline",
        r"\b(?:headline|heading|main title|title|t[ií]tulo(?: principal)?|titular)\b"
        r"(?:\s+(?:to|para|a|is|e|é|es|:))*\s*" + _VALUE,
    ),
    (
        "name",
        r"(?:\b(?:call it|name it|rename (?:it |the site )?to|rename it|change the name to|the name (?:is|to)|"
        r"muda o nome para|mude o nome para|altera o nome para|muda-lhe o nome para|chama-lhe|o nome (?:é|passa a ser)|"
        r"passa a chamar-se|c[aá]mbiale el nombre a|cambia el nombre a|ll[aá]malo|ll[aá]mala|ponle de nombre|"
        r"el nombre (?:es|será))\s+)" + _VALUE,
    ),
    (
        "address",
        r"\b(?:address|morada|endere[çc]o|direcci[oó]n)\b(?:\s+(?:to|para|a|is|e|é|es|:))*\s*" + _VALUE,
    ),
)
_SET_PRICE = re.compile(
    r"(?:price of|pre[çc]o d[oae]s?|precio de(?:l| la| los| las)?)\s+(?:the\s+|o\s+|a\s+)?(?P<item>.+?)\s+"
    r"(?:to|para|a|em|en|=|:)\s*(?:€|\$|£|r\$)?\s*(?P<price>\d+(?:[.,]\d{1,2})?)",
    re.IGNORECASE,
)
_ITEM_COSTS = re.compile(
    r"(?P<item>[\w' -]{2,60}?)\s+(?:costs?|custa|cuesta)\s+(?:€|\$|£)?\s*(?P<price>\d+(?:[.,]\d{1,2})?)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?P<amount>\d{1,3}(?:[.,]\d+)?)\s*%")
_UP = ("raise", "increase", "up", "aumenta", "aumentar", "sobe", "subir", "sube", "incrementa", "mais caro")
_DOWN = (
    "lower",
    "decrease",
    "reduce",
    "cut",
    "down",
    "baixa",
    "baixar",
    "reduz",
    "reduzir",
    "desce",
    "baja",
    "bajar",
    "rebaja",
    "reduce",
    "desconto",
    "descuento",
    "discount",
)
_PRICE_WORDS = ("price", "prices", "preco", "precos", "precio", "precios")
_CLAUSE = re.compile(r"\s*(?:[,;.!?\n]|\b(?:and|then|also|e|depois|tambem|y|luego|despues)\b)\s*")


def parse_refinement(text: str) -> Intents:
    intents = Intents()
    intents.type, rest = take_typography(text)  # first: "make the title bigger" is no new headline "bigger"
    rest = _take_team(rest, intents)
    rest = _take_links(rest, intents)
    rest = _take_free_text(rest, intents)
    rest = _take_contacts(rest, intents)
    rest = _take_prices(rest, intents)
    rest = _take_items(rest, intents)
    folded = fold(rest)
    intents.language = _language_asked(folded)
    intents.colour = colour_named(rest)
    intents.style = style_named(rest)
    dark = first_mention(folded, DARK_WORDS)
    light = first_mention(folded, LIGHT_WORDS)
    if dark is not None or light is not None:
        intents.mode = "dark" if light is None or (dark is not None and dark < light) else "light"
    intents.sections = _section_ops(folded)
    return intents


_TEAM = re.compile(
    r"\b(?:(?:our|the)\s+team\s+(?:is|are|:)|team\s*:|(?:nossa|a nossa)\s+equip[ae]\s+(?:é|e|:)|equip[ae]\s*:|"
    r"(?:nuestro|el)\s+equipo\s+(?:es|son|:)|equipo\s*:)\s*(?P<list>.+)",
    re.IGNORECASE | re.DOTALL,
)
_MEMBER = re.compile(r"^(?:(?:dr|dra|dr\.|dra\.|mr|mrs|ms|sr|sra)\.?\s+|(?:a|o|la|el)\s+)*(?P<name>[^()]+?)\s*(?:\((?P<role>[^)]+)\))?$",
                     re.IGNORECASE)


def _take_team(text: str, intents: Intents) -> str:
    """ "our team is Dr. Sarah Kim (dentist) and Mark Lee (hygienist)": people with their roles."""
    match = _TEAM.search(text)
    if not match:
        return text
    for part in re.split(r"\s*(?:,|;|\band\b|\be\b|\by\b)\s*(?![^()]*\))", match.group("list").strip().rstrip(".")):
        member = _MEMBER.match(part.strip())
        if member and member.group("name").strip():
            intents.team.append((member.group("name").strip(), (member.group("role") or "").strip()))
    return text[: match.start()]


def _take_links(text: str, intents: Intents) -> str:
    """Social profiles (links or "@handle" after the network's name) and any other link (a booking page)."""
    socials = social_urls(text)
    links = find_urls(text)
    intents.socials = [*[u for u in links if _is_social(u)], *socials]
    others = [u for u in links if not _is_social(u)]
    if others:
        intents.booking = others[0]
    for url in links:
        text = text.replace(url, " ")
    return re.sub(r"(?<![\w.])@[\w.]+|(?:www\.)?(?:instagram|facebook|tiktok|linkedin|youtube)\.com/\S+", " ", text)


def _is_social(url: str) -> bool:
    return re.search(r"(?:instagram|facebook|fb|tiktok|linkedin|youtube|youtu|twitter|x|wa)\.(?:com|be|me)/", url) is not None


def _take_items(text: str, intents: Intents) -> str:
    """A list of items with prices ("our prices: ...", "add these dishes: ...")."""
    intents.items = priced_items(text)
    for item in intents.items:  # "curry verde" is a dish, not the colour green
        text = re.sub(re.escape(item.name), " ", text, flags=re.IGNORECASE)
    return text if not intents.items else re.sub(r"\d", " ", text)


def _take_free_text(text: str, intents: Intents) -> str:
    for key, pattern in _FREE_TEXT:
        match = re.search(pattern, text, re.IGNORECASE)
        if match and match.group("value").strip():
            value, end = match.group("value").strip().strip("\"“”«»'"), match.end()
            number = re.match(r",\s*\d+[\w/-]*", text[end:]) if key == "address" else None
            if number:  # "Rua Augusta, 1500": the door number belongs to the address
                value, end = value + number.group(0), end + number.end()
            setattr(intents, key, value)
            text = text[: match.start()] + " " + text[end:]
    return text


def _take_contacts(text: str, intents: Intents) -> str:
    intents.email = find_email(text)
    if intents.email:
        text = text.replace(intents.email, " ")
    intents.hours = parse_hours(without_prices(text))
    if intents.hours is None:
        intents.phone = find_phone(text)
        if intents.phone:
            intents.whatsapp = re.search(r"(?i)\b(?:whats\s?app|whats|zap|wpp)\b", text) is not None
            text = text.replace(intents.phone, " ")
    return text


def _take_prices(text: str, intents: Intents) -> str:
    for pattern in (_SET_PRICE, _ITEM_COSTS):
        for match in pattern.finditer(text):
            intents.prices.append(
                (match.group("item").strip(), float(match.group("price").replace(",", ".")))
            )
        text = pattern.sub(" ", text)
    folded = fold(text)
    percent = _PERCENT.search(folded)
    if percent and first_mention(folded, _PRICE_WORDS) is not None:
        amount = float(percent.group("amount").replace(",", "."))
        down = first_mention(folded, _DOWN) is not None and first_mention(folded, _UP) is None
        intents.percent = -amount if down else amount
        text = _PERCENT.sub(" ", text)
        text = re.sub(r"(?i)\b(?:prices|price|pre[çc]os|precios)\b", " ", text)
    return text


def _language_asked(folded: str) -> Language | Literal["pt"] | None:
    for language, names in LANGUAGE_NAMES.items():
        if first_mention(folded, names) is not None:
            return language
    return "pt" if first_mention(folded, PORTUGUESE_NAMES) is not None else None


def _section_ops(folded: str) -> list[SectionOp]:
    ops: list[SectionOp] = []
    verb: Verb | None = None
    for clause in _CLAUSE.split(folded):
        kinds = sections_mentioned(clause)
        clause_verb = _verb(clause)
        verb = clause_verb or verb
        if not kinds:
            continue
        where = _where(clause)
        if where is not None and (clause_verb in (None, "move", "add")):
            reference = kinds[1] if len(kinds) > 1 and where in ("after", "before") else None
            if where in ("after", "before") and reference is None:
                continue
            ops.append(SectionOp("move", kinds[0], where, reference))
            continue
        for kind in kinds:
            ops.append(SectionOp(verb or "add", kind))
    return ops


def _verb(clause: str) -> Verb | None:
    found = {
        "remove": first_mention(clause, REMOVE_WORDS),
        "move": first_mention(clause, MOVE_WORDS),
        "add": first_mention(clause, ADD_WORDS),
    }
    hits = [(at, verb) for verb, at in found.items() if at is not None]
    return min(hits)[1] if hits else None  # type: ignore[return-value]


def _where(clause: str) -> Where | None:
    if first_mention(clause, TOP_WORDS) is not None:
        return "top"
    if first_mention(clause, END_WORDS) is not None:
        return "end"
    if first_mention(clause, AFTER_WORDS) is not None:
        return "after"
    if first_mention(clause, BEFORE_WORDS) is not None:
        return "before"
    return None
