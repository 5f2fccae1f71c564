"""How numbers read in chat messages: amounts, money and text bars."""

from __future__ import annotations


def _amount(metric: str, value: int) -> str:
    """Bytes as MB/GB, everything else as a plain number."""
    if metric != "bytes":
        return f"{value:,}".replace(",", " ")
    if value >= 1_000_000_000:
        return f"{value / 1_000_000_000:.2f} GB"
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f} MB"
    if value >= 1_000:
        return f"{value / 1_000:.1f} kB"
    return f"{value} B"


def _money(cents: int, currency: str) -> str:
    """``1900, "usd"`` -> ``$19.00``; currencies without a symbol here get their code."""
    symbol = {"usd": "$", "eur": "€", "gbp": "£", "brl": "R$"}.get(currency.lower())
    amount = f"{cents / 100:,.2f}"
    return f"{symbol}{amount}" if symbol else f"{amount} {currency.upper()}"


def _bar(used: int, limit: int, width: int = 10) -> str:
    """``██████░░░░ 60%``: block characters read the same in Telegram, Slack and a terminal."""
    ratio = used / limit if limit > 0 else 1.0
    filled = min(width, round(ratio * width))
    return "█" * filled + "░" * (width - filled) + f" {int(ratio * 100)}%"
