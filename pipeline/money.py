"""Prices written the way the site's locale, in the business's country, writes them (Babel).

Menus and price lists are read at a glance: "R$ 12,90" on a Brazilian page,
"12,50 €" on a Portuguese one and "€12.50" on an English one is what people
expect. Babel keeps an amount and its symbol on one line (non-breaking space).
"""

from __future__ import annotations

from core.i18n.formatting import money
from core.i18n.locales import Locale


def format_price(amount: float, currency: str, language: Locale, *, cents: bool = True, country: str = "") -> str:
    """Format ``amount`` in ``currency``; ``cents=False`` drops ",00" from whole amounts."""
    return money(amount, currency, language, country, cents=cents)
