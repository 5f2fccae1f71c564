"""Opening hours: plausible defaults per kind, and hours read from a message.

Hours are stored as display lines ("Seg–Sex", "08:00–19:00") in the site's
language; parsing understands day names and times in pt, en and es
("open Mon–Sat 8–20", "de segunda a sábado das 8h às 20h", "de lunes a viernes de 9 a 14").
"""

from __future__ import annotations

import re
from datetime import time
from typing import NamedTuple

from core.i18n.formatting import hours_range
from core.llm.offline.copy import language_copy
from core.site.business import BusinessKind, OpeningHours
from core.site.presets import fold
from core.site.values import Language


class Span(NamedTuple):
    first_day: int  # 0 = Monday
    last_day: int
    opens: str  # "08:00"
    closes: str


_DEFAULTS: dict[BusinessKind, tuple[Span, ...]] = {
    "restaurant": (Span(1, 5, "12:00", "23:00"), Span(6, 6, "12:00", "16:00")),
    "cafe": (Span(0, 4, "07:30", "19:00"), Span(5, 6, "09:00", "18:00")),
    "bakery": (Span(0, 4, "07:00", "19:30"), Span(5, 5, "07:00", "14:00")),
    "salon": (Span(1, 4, "10:00", "20:00"), Span(5, 5, "09:00", "18:00")),
    "gym": (Span(0, 4, "06:30", "22:00"), Span(5, 6, "09:00", "20:00")),
    "clinic": (Span(0, 4, "08:30", "20:00"), Span(5, 5, "09:00", "13:00")),
    "law_firm": (Span(0, 4, "09:00", "18:30"),),
    "accounting": (Span(0, 4, "09:00", "18:00"),),
    "agency": (Span(0, 4, "09:30", "18:30"),),
    "software": (Span(0, 4, "09:00", "18:00"),),
    "portfolio": (),
    "event": (),
    "school": (Span(0, 4, "09:00", "21:00"), Span(5, 5, "09:00", "13:00")),
    "shop": (Span(0, 5, "10:00", "19:30"),),
    "other": (Span(0, 4, "09:00", "18:00"),),
}

_DAY_WORDS: tuple[tuple[str, ...], ...] = (
    ("monday", "mon", "segunda", "seg", "lunes", "lun"),
    ("tuesday", "tue", "tues", "terca", "ter", "martes", "mar"),
    ("wednesday", "wed", "quarta", "qua", "miercoles", "mie"),
    ("thursday", "thu", "thur", "thurs", "quinta", "qui", "jueves", "jue"),
    ("friday", "fri", "sexta", "sex", "viernes", "vie"),
    ("saturday", "sat", "sabado", "sab"),
    ("sunday", "sun", "domingo", "dom"),
)
_DAY_INDEX = {word: i for i, words in enumerate(_DAY_WORDS) for word in words}
_DAY = re.compile(r"\b(" + "|".join(sorted(_DAY_INDEX, key=len, reverse=True)) + r")(?:-feira|s)?\b")
_EVERY_DAY = re.compile(r"\b(every day|daily|todos os dias|diariamente|todos los dias|7 days a week)\b")
_TIME = re.compile(r"(?<![\d+])(\d{1,2})(?:\s*[:h.]\s*(\d{2}))?\s*(am|pm|h|hrs)?(?![\d%])")


def default_hours(kind: BusinessKind, language: Language, country: str = "") -> list[OpeningHours]:
    return [as_line(span, language, country) for span in _DEFAULTS[kind]]


def _time(clock: str) -> time:
    hour, minute = (int(part) for part in clock.split(":"))
    return time(hour % 24, minute)


def as_line(span: Span, language: Language, country: str = "") -> OpeningHours:
    """Days in the site's language ("Seg–Sex"), hours as the locale writes them in the business's
    country ("8h–19h" in Brazil, "08:00–19:00" in Portugal, "8:00 AM–7:00 PM" in the US)."""
    copy = language_copy(language)
    if span.first_day == 0 and span.last_day == 6:
        days = copy.every_day
    elif span.first_day == span.last_day:
        days = copy.days[span.first_day]
    else:
        days = f"{copy.days[span.first_day]}–{copy.days[span.last_day]}"
    return OpeningHours(days=days, hours=hours_range(_time(span.opens), _time(span.closes), language, country))


def parse_hours(text: str) -> Span | None:
    """The day range and times in ``text``, or None when it names no opening hours."""
    folded = fold(text)
    days = [_DAY_INDEX[m.group(1)] for m in _DAY.finditer(folded)]
    times = [_clock(m) for m in _TIME.finditer(_without_days(folded))]
    valid = [t for t in times if t is not None]
    said_open = re.search(r"\b(?:open|opens|aberto|aberta|abrimos|abierto|abierta|horario|hours)\b", folded)
    if len(valid) < 2 or not (days or _EVERY_DAY.search(folded) or said_open):
        return None
    first, last = (days[0], days[1] if len(days) > 1 else days[0]) if days else (0, 6)
    return Span(first, last, valid[0], valid[1])


def _without_days(folded: str) -> str:
    return _DAY.sub(" ", folded)


def _clock(match: re.Match[str]) -> str | None:
    hour = int(match.group(1))
    minutes = int(match.group(2) or 0)
    suffix = match.group(3) or ""
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    if hour > 24 or minutes > 59:
        return None
    return f"{hour:02d}:{minutes:02d}"


def translate_days(days: str, source: Language, target: Language) -> str:
    """Relabel a days line written by ``as_line`` ("Seg–Sex") in another language ("Mon–Fri").

    Lines a person typed in some other way are left as they are.
    """
    old, new = language_copy(source), language_copy(target)
    if days == old.every_day:
        return new.every_day
    parts = days.split("–")
    if all(part in old.days for part in parts):
        return "–".join(new.days[old.days.index(part)] for part in parts)
    return days
