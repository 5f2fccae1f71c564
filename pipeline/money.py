"""Prices written the way each language writes them.

Menus and price lists are read at a glance; "12,50 €" in a Portuguese page
and "€12.50" in an English one is what people expect. A non-breaking space
keeps an amount and its symbol on one line.
"""

from __future__ import annotations

from core.site.values import Language

NBSP = "\u00a0"
_SYMBOLS = {"EUR": "€", "USD": "$", "BRL": "R$", "GBP": "£", "MXN": "MX$", "JPY": "¥", "CHF": "CHF"}
# Currencies whose local convention puts the symbol first even in pt/es.
_LOCAL_PREFIX = {("pt", "BRL"): "R$" + NBSP, ("es", "MXN"): "$", ("es", "USD"): "US$"}


def _number(amount: float, decimals: int, thousands: str, point: str) -> str:
    raw = f"{amount:,.{decimals}f}"
    return raw.replace(",", "\0").replace(".", point).replace("\0", thousands)


def format_price(amount: float, currency: str, language: Language, *, cents: bool = True) -> str:
    """Format ``amount`` in ``currency``; ``cents=False`` drops ",00" from whole amounts."""
    decimals = 2 if cents or amount != int(amount) else 0
    if (language, currency) in _LOCAL_PREFIX:
        prefix = _LOCAL_PREFIX[(language, currency)]
        # Mexico writes 1,234.50 like English; Brazil writes 1.234,50.
        if currency == "MXN" or currency == "USD":
            return prefix + _number(amount, decimals, ",", ".")
        return prefix + _number(amount, decimals, ".", ",")
    symbol = _SYMBOLS.get(currency)
    if language == "en":
        number = _number(amount, decimals, ",", ".")
        if symbol is None or symbol.isalpha():
            return f"{symbol or currency}{NBSP}{number}"
        return symbol + number
    number = _number(amount, decimals, ".", ",")
    if currency == "USD":
        symbol = "US$"
    return f"{number}{NBSP}{symbol or currency}"
