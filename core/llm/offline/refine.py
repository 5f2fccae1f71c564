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

from core.llm.offline.contacts import find_email, find_phone
from core.llm.offline.hours import Span, parse_hours
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
    rest = _take_free_text(text, intents)
    rest = _take_contacts(rest, intents)
    rest = _take_prices(rest, intents)
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


def _take_free_text(text: str, intents: Intents) -> str:
    for key, pattern in _FREE_TEXT:
        match = re.search(pattern, text, re.IGNORECASE)
        if match and match.group("value").strip():
            setattr(intents, key, match.group("value").strip().strip("\"“”«»'"))
            text = text[: match.start()] + " " + text[match.end() :]
    return text


def _take_contacts(text: str, intents: Intents) -> str:
    intents.email = find_email(text)
    if intents.email:
        text = text.replace(intents.email, " ")
    intents.hours = parse_hours(text)
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
