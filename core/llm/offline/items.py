"""Items with prices in the user's own words: "pad thai £9.50, green curry £11", "pão 1€, croissant 1,50€".

A price is a number next to a currency (a symbol before or after it, a code or a name after
it), in any decimal style: ``1,50 €``, ``R$ 12,90``, ``$4.50``, ``12 USD``, ``R$ 1.200`` (a dot or
comma followed by exactly three digits groups thousands). The item is the words before the
price back to the previous comma, colon, sentence end, price or joining word. The amount is
kept exactly: never rounded, never converted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_SYMBOLS = {"r$": "BRL", "us$": "USD", "mx$": "MXN", "$": "", "€": "EUR", "£": "GBP"}
_CODES = {
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "usd": "USD", "dollars": "USD", "dolares": "USD",
    "gbp": "GBP", "pounds": "GBP", "brl": "BRL", "reais": "BRL", "real": "BRL", "mxn": "MXN", "ars": "ARS",
}
_NUMBER = r"\d{1,7}(?:[.,]\d{3})*(?:[.,]\d{1,2})?"
_PRICE = re.compile(
    rf"(?P<sym>R\$|US\$|MX\$|\$|€|£)\s?(?P<a>{_NUMBER})(?:\s?(?P<code_a>MXN|USD|EUR|BRL|GBP|ARS)\b)?"
    rf"|(?<![\w.,])(?P<b>{_NUMBER})\s?(?P<after>€|£|(?:EUR|USD|GBP|BRL|MXN|ARS|euros?|reais|dollars|d[oó]lares|pounds)\b)",
    re.IGNORECASE,
)
# What separates one item from the words before it: punctuation always; joining words only in
# the clause that names the business ("... called La Paloma with tacos al pastor $4.50"), so
# "café con leche" and "baño y corte" stay whole.
_BREAK = re.compile(r"[,;:()\n]|\.\s")
_JOIN = re.compile(r"\s(?:and|e|y|with|com|con|plus|called|named|chamad[oa]|llamad[oa])\s", re.IGNORECASE)
_NAMING = re.compile(r"\b(?:in|em|en|no|na|at|called|named|chamad[oa]|llamad[oa])\b", re.IGNORECASE)
_LEAD = re.compile(
    r"^(?:(?:and|e|y|our|nosso|nossa|nossos|nossas|os|as|o|a|the|los|las|el|la|un|una|um|uma|"
    r"add|adiciona|acrescenta|añade|anade|these|estes|estos)\s+)+",
    re.IGNORECASE,
)
_TRAIL = re.compile(
    r"\s+(?:from|desde|a partir de|at|for|por|a|à|at only|only|just|costs?|custa|cuesta|is|é|es|=|-|–)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PricedItem:
    name: str
    price: Decimal
    currency: str  # ISO code, "" when only "$" was written (the business's country decides)


def amount(written: str) -> Decimal:
    """``1,50`` -> 1.5, ``1.200`` -> 1200, ``4,500`` -> 4500, ``12.90`` -> 12.9."""
    groups = re.split(r"[.,]", written)
    if len(groups) > 1 and len(groups[-1]) in (1, 2):
        whole, cents = "".join(groups[:-1]), groups[-1]
        return Decimal(f"{whole}.{cents}").normalize()
    return Decimal("".join(groups))


def _currency(match: re.Match[str]) -> str:
    if match.group("sym"):
        code = match.group("code_a")
        return code.upper() if code else _SYMBOLS[match.group("sym").lower()]
    after = match.group("after").lower()
    if after in ("€", "£"):
        return _SYMBOLS[after]
    return _CODES.get(after.replace("ó", "o"), after.upper()[:3])


def priced_items(text: str) -> list[PricedItem]:
    """Every "item price" pair in ``text``, in order; items without a name before the price are skipped."""
    found: list[PricedItem] = []
    start = 0
    for match in _PRICE.finditer(text):
        before = text[start : match.start()]
        start = match.end()
        pieces = _BREAK.split(before)
        name = pieces[-1].strip() if pieces else ""
        if _NAMING.search(name):
            name = _JOIN.split(name)[-1].strip()
        name = _LEAD.sub("", name).strip()
        previous = None
        while previous != name:
            previous, name = name, _TRAIL.sub("", name).strip()
        name = name.strip(" .-–—\"'“”")
        if not name or len(name) > 60 or not re.search(r"[^\W\d_]", name) or re.search(r"https?:|@", name):
            continue
        value = amount(match.group("a") or match.group("b"))
        found.append(PricedItem(name[:1].upper() + name[1:], value, _currency(match)))
    return found


def without_prices(text: str) -> str:
    """``text`` with every price blanked out, so "£3.20" is never read as a time or a phone number."""
    return _PRICE.sub(" ", text)
