"""Numbers, money, dates and times as each locale writes them, with Babel (CLDR data).

A Brazilian reads "R$ 32,90" and "14h", a Portuguese reader "32,90 €" and
"14:00", an American "$4.50" and "2:00 PM". Where the business is matters as
much as the language: a Spanish site in Mexico City writes "$120.00", one in
Madrid "120,00 €". ``country`` (ISO 3166 alpha-2, "" when unknown) refines the
locale for that.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from functools import cache

from babel import Locale as BabelLocale
from babel.core import UnknownLocaleError
from babel.dates import format_datetime, format_skeleton, format_time
from babel.numbers import format_currency, format_decimal, get_territory_currencies

from core.i18n.locales import Locale, family

# Without a country, each locale is read as written where most of its speakers are.
_DEFAULT_REGION: dict[Locale, str] = {"pt_BR": "pt_BR", "pt_PT": "pt_PT", "en": "en_US", "es": "es_ES"}
_DEFAULT_CURRENCY: dict[Locale, str] = {"pt_BR": "BRL", "pt_PT": "EUR", "en": "USD", "es": "EUR"}


@cache
def babel_locale(locale: Locale, country: str = "") -> str:
    """The CLDR locale to format with: the language in the business's country when CLDR knows it."""
    if len(country) == 2 and country.isalpha():
        candidate = f"{family(locale)}_{country.upper()}"
        try:
            BabelLocale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            pass
        else:
            return candidate
    return _DEFAULT_REGION[locale]


def currency_of(country: str, locale: Locale) -> str:
    """The currency a business in ``country`` charges in; the locale's when the country is unknown."""
    if len(country) == 2 and country.isalpha():
        currencies = get_territory_currencies(country.upper(), date(2025, 1, 1), tender=True)
        if currencies:
            return currencies[0]
    return _DEFAULT_CURRENCY[locale]


def money(amount: float, currency: str, locale: Locale, country: str = "", *, cents: bool = True) -> str:
    """``32.9, "BRL", "pt_BR"`` -> ``R$ 32,90``; ``cents=False`` drops ",00" from whole amounts."""
    where = babel_locale(locale, country)
    if cents or amount != int(amount):
        return format_currency(amount, currency, locale=where)
    pattern = BabelLocale.parse(where).currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(amount, currency, locale=where, format=pattern, currency_digits=False)


def number(value: float, locale: Locale, country: str = "") -> str:
    """``12345.5`` -> ``12.345,5`` in Brazil, ``12 345,5`` in Portugal, ``12,345.5`` in English."""
    return format_decimal(value, locale=babel_locale(locale, country))


def day_month(day: date, locale: Locale) -> str:
    """``1 de março`` / ``March 1`` / ``1 de marzo``: a reset date in a sentence."""
    return format_skeleton("MMMMd", day, locale=babel_locale(locale))


def day_short(day: date, locale: Locale) -> str:
    """``28/11`` in Portugal and Brazil, ``11/28`` in English: a chart's day under its bar."""
    return format_skeleton("Md", day, locale=babel_locale(locale))


def day_month_year(day: date, locale: Locale) -> str:
    """``1 de mar. de 2026`` / ``Mar 1, 2026``."""
    return format_skeleton("yMMMd", day, locale=babel_locale(locale))


def clock(at: time, locale: Locale, country: str = "") -> str:
    """A time of day: ``14h`` / ``14h30`` in Brazil, ``14:00`` in Portugal and Spain, ``2:00 PM`` in the US."""
    where = babel_locale(locale, country)
    if where == "pt_BR":
        return f"{at.hour}h" + (f"{at.minute:02d}" if at.minute else "")
    return format_time(at, "short", locale=where)


def hours_range(opens: time, closes: time, locale: Locale, country: str = "") -> str:
    """Opening hours: ``8h–19h30``, ``08:00–19:30``, ``8:00 AM–7:30 PM``."""
    return f"{clock(opens, locale, country)}–{clock(closes, locale, country)}"


def moment(at: datetime, locale: Locale) -> str:
    """A date and time in a list ("01/03/2026 14:05", "3/1/26, 2:05 PM"); ``at`` is aware, shown in UTC."""
    return format_datetime(at, "short", tzinfo=UTC, locale=babel_locale(locale))


def country_name(country: str, locale: Locale) -> str:
    """``"BR"`` -> "Brasil" / "Brazil"; the code itself when CLDR has no name for it."""
    names = BabelLocale.parse(babel_locale(locale)).territories
    return str(names.get(country.upper(), country)) if country else "—"
