"""Prices in each language's own notation."""

from __future__ import annotations

import pytest

from pipeline.money import format_price

NB = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "currency", "language", "expected"),
    [
        (12.5, "EUR", "pt", f"12,50{NB}€"),
        (12.5, "EUR", "es", f"12,50{NB}€"),
        (12.5, "EUR", "en", "€12.50"),
        (1234.5, "USD", "en", "$1,234.50"),
        (1234.5, "EUR", "pt", f"1.234,50{NB}€"),
        (9.9, "BRL", "pt", f"R${NB}9,90"),
        (3, "GBP", "en", "£3.00"),
        (120, "MXN", "es", "$120.00"),
        (5, "CHF", "en", f"CHF{NB}5.00"),
        (5, "SEK", "pt", f"5,00{NB}SEK"),
    ],
)
def test_format(amount: float, currency: str, language: str, expected: str) -> None:
    assert format_price(amount, currency, language) == expected  # type: ignore[arg-type]


def test_whole_amounts_can_drop_cents() -> None:
    assert format_price(29, "EUR", "pt", cents=False) == f"29{NB}€"
    assert format_price(29.5, "EUR", "en", cents=False) == "€29.50"
