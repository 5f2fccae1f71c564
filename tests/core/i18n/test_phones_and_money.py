"""Phones read where the business is; money, numbers, dates and hours as each country writes them."""

from __future__ import annotations

from datetime import date, time

import pytest

from core.errors import InvalidPhone
from core.i18n.formatting import clock, currency_of, day_month, hours_range, money, number
from core.i18n.phones import dialable, display, international, normalise, whatsapp_url

NB = "\u00a0"


@pytest.mark.parametrize(
    ("written", "country", "e164", "national", "spoken_abroad"),
    [
        ("(41) 99876-5432", "BR", "+5541998765432", "(41) 99876-5432", "+55 41 99876-5432"),
        ("253 123 456", "PT", "+351253123456", "253 123 456", "+351 253 123 456"),
        ("912 345 678", "PT", "+351912345678", "912 345 678", "+351 912 345 678"),
        ("91 123 45 67", "ES", "+34911234567", "911 23 45 67", "+34 911 23 45 67"),
        ("55 1234 5678", "MX", "+525512345678", "55 1234 5678", "+52 55 1234 5678"),
        ("011 4321-5678", "AR", "+541143215678", "011 4321-5678", "+54 11 4321-5678"),
        ("(212) 555-2368", "US", "+12125552368", "(212) 555-2368", "+1 212-555-2368"),
        ("020 7946 0018", "GB", "+442079460018", "020 7946 0018", "+44 20 7946 0018"),
        ("+55 41 99876-5432", "PT", "+5541998765432", "+55 41 99876-5432", "+55 41 99876-5432"),
    ],
)
def test_phones_by_country(written: str, country: str, e164: str, national: str, spoken_abroad: str) -> None:
    stored = normalise(written, country)
    assert stored == e164
    assert dialable(stored) == e164  # tel: links and JSON-LD
    assert display(stored, country) == national  # the page, for a local reader
    assert international(stored) == spoken_abroad
    assert whatsapp_url(stored) == "https://wa.me/" + e164[1:]


@pytest.mark.parametrize(("written", "country"), [("12345", "BR"), ("253 123 45", "PT"), ("(41) 9987-543", "BR"), ("abc", "PT")])
def test_a_number_not_valid_for_the_country_is_refused_with_an_example(written: str, country: str) -> None:
    with pytest.raises(InvalidPhone) as caught:
        normalise(written, country)
    assert caught.value.params["phone"] == written and caught.value.params["country"] == country
    assert caught.value.params["example"].startswith("+55" if country == "BR" else "+351")


def test_a_number_that_is_not_e164_is_shown_as_written() -> None:
    assert display("ring 555 0100") == "ring 555 0100" and dialable("+1 (555) 0100") == "+15550100"


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "country", "expected"),
    [
        (32.9, "BRL", "pt_BR", "BR", f"R${NB}32,90"),
        (32.9, "EUR", "pt_PT", "PT", f"32,90{NB}€"),
        (32.9, "EUR", "es", "ES", f"32,90{NB}€"),
        (32.9, "MXN", "es", "MX", "$32.90"),
        (32.9, "ARS", "es", "AR", "$32,90"),
        (4.5, "USD", "en", "US", "$4.50"),
        (12, "GBP", "en", "GB", "£12.00"),
    ],
)
def test_money_by_country(amount: float, currency: str, locale: str, country: str, expected: str) -> None:
    assert money(amount, currency, locale, country) == expected  # type: ignore[arg-type]
    assert currency_of(country, locale) == currency  # type: ignore[arg-type]


def test_whole_prices_and_numbers() -> None:
    assert money(12, "GBP", "en", "GB", cents=False) == "£12"
    assert money(30, "BRL", "pt_BR", "BR", cents=False) == f"R${NB}30"
    assert number(1234567.5, "pt_BR") == "1.234.567,5"
    assert number(1234567.5, "pt_PT") == f"1{NB}234{NB}567,5"
    assert number(1234567.5, "en") == "1,234,567.5"


def test_times_dates_and_hours() -> None:
    assert clock(time(14, 0), "pt_BR") == "14h" and clock(time(14, 30), "pt_BR") == "14h30"
    assert clock(time(14, 0), "pt_PT") == "14:00"
    assert clock(time(14, 0), "en") == "2:00\u202fPM" or clock(time(14, 0), "en") == "2:00 PM"
    assert clock(time(14, 0), "en", "GB") == "14:00"
    assert hours_range(time(8), time(18), "pt_BR") == "8h–18h"
    assert day_month(date(2026, 3, 1), "pt_BR") == "1 de março"
    assert day_month(date(2026, 3, 1), "pt_PT") == "1 de março"
    assert day_month(date(2026, 3, 1), "es") == "1 de marzo"
    assert day_month(date(2026, 3, 1), "en") == "March 1"
