"""Phone numbers with ``phonenumbers`` (Google's libphonenumber data): parsed where the business is.

People write numbers the way their country does: "(41) 99876-5432" in Curitiba,
"253 123 456" in Braga. Read with the business's country as the region, a
number becomes E.164 (+5541998765432), which is what ``tel:`` links, JSON-LD
and ``wa.me`` want; the page shows it back in the national format a local
reader expects ("(41) 99876-5432"). A number that is not valid for the country
is refused with ``InvalidPhone`` rather than published wrong.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from core.errors import InvalidPhone

_DIGITS = re.compile(r"\D")


def _region(country: str) -> str | None:
    return country.upper() if len(country) == 2 and country.isalpha() else None


def normalise(written: str, country: str) -> str:
    """The E.164 form of ``written``, read as a number of ``country`` unless it has a +country code.

    Raises ``InvalidPhone`` when it is not a valid number there.
    """
    region = _region(country)
    try:
        parsed = phonenumbers.parse(written, region)
    except NumberParseException as error:
        raise InvalidPhone(written, region or "", example=example(region)) from error
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhone(written, region or "", example=example(region))
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)


def example(country: str | None) -> str:
    """A valid number of ``country`` in international format, to show what is expected."""
    region = _region(country or "") or "US"
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if number is None:
        return "+1 201-555-0123"
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def _parsed(stored: str) -> phonenumbers.PhoneNumber | None:
    if not stored.startswith("+"):
        return None
    try:
        parsed = phonenumbers.parse(stored, None)
    except NumberParseException:
        return None
    return parsed if phonenumbers.is_valid_number(parsed) else None


def display(stored: str, country: str = "") -> str:
    """How the page shows a stored number: national format when the site is in the number's
    country ("(41) 99876-5432"), international otherwise ("+55 41 99876-5432"); as written
    when it is not an E.164 number (a model may have written it in its own way)."""
    parsed = _parsed(stored)
    if parsed is None:
        return stored
    home = phonenumbers.region_code_for_number(parsed)
    kind = PhoneNumberFormat.NATIONAL if home == _region(country) or not country else PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(parsed, kind)


def international(stored: str) -> str:
    """``+55 41 99876-5432``; as written when it is not an E.164 number."""
    parsed = _parsed(stored)
    return phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL) if parsed else stored


def dialable(stored: str) -> str:
    """What a ``tel:`` link and JSON-LD want: E.164 when it parses, else the digits (and a leading +)."""
    parsed = _parsed(stored)
    if parsed is not None:
        return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    return ("+" if stored.strip().startswith("+") else "") + _DIGITS.sub("", stored)


def whatsapp_url(stored: str) -> str:
    """``https://wa.me/5541998765432``: WhatsApp's click-to-chat link wants the E.164 digits without +."""
    return "https://wa.me/" + _DIGITS.sub("", dialable(stored))
