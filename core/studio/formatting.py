"""How numbers read in chat messages: amounts, money and text bars, in the user's locale."""

from __future__ import annotations

from core.i18n.formatting import money, number
from core.i18n.locales import Locale


def _amount(metric: str, value: int, language: Locale) -> str:
    """Bytes (and stored image bytes) as MB/GB, everything else as a plain number ("12.345" in Brazil,
    "12,345" in English)."""
    if metric not in ("bytes", "storage"):
        return number(value, language)
    for size, unit, digits in ((1_000_000_000, "GB", 2), (1_000_000, "MB", 1), (1_000, "kB", 1)):
        if value >= size:
            return f"{number(round(value / size, digits), language)} {unit}"
    return f"{number(value, language)} B"


def _money(cents: int, currency: str, language: Locale) -> str:
    """``1900, "usd", "en"`` -> ``$19.00``; ``"pt_BR"`` -> ``US$ 19,00``."""
    return money(cents / 100, currency.upper(), language)


def _bar(used: int, limit: int, width: int = 10) -> str:
    """``██████░░░░ 60%``: block characters read the same in Telegram, Slack and a terminal."""
    ratio = used / limit if limit > 0 else 1.0
    filled = min(width, round(ratio * width))
    return "█" * filled + "░" * (width - filled) + f" {int(ratio * 100)}%"
