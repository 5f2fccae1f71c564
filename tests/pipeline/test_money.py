"""Prices in each locale's own notation, where the business is (Babel / CLDR)."""

from __future__ import annotations

import pytest

from pipeline.money import format_price

NB = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "currency", "language", "country", "expected"),
    [
        (32.9, "BRL", "pt_BR", "BR", f"R${NB}32,90"),
        (32.9, "EUR", "pt_PT", "PT", f"32,90{NB}€"),
        (12.5, "EUR", "es", "ES", f"12,50{NB}€"),
        (120, "MXN", "es", "MX", "$120.00"),
        (1250.5, "ARS", "es", "AR", "$1.250,50"),
        (4.5, "USD", "en", "US", "$4.50"),
        (12, "GBP", "en", "GB", "£12.00"),
        (12.5, "EUR", "en", "", "€12.50"),
        (1234.5, "USD", "en", "", "$1,234.50"),
        (1234.5, "BRL", "pt_BR", "", f"R${NB}1.234,50"),
        (1234.5, "EUR", "pt_PT", "", f"1{NB}234,50{NB}€"),
        (5, "CHF", "en", "", "CHF5.00"),
        (5, "SEK", "pt_PT", "", f"5,00{NB}SEK"),
    ],
)
def test_format(amount: float, currency: str, language: str, country: str, expected: str) -> None:
    assert format_price(amount, currency, language, country=country) == expected  # type: ignore[arg-type]


def test_whole_amounts_can_drop_cents() -> None:
    assert format_price(29, "EUR", "pt_PT", cents=False) == f"29{NB}€"
    assert format_price(12, "GBP", "en", cents=False, country="GB") == "£12"
    assert format_price(29.5, "EUR", "en", cents=False) == "€29.50"
