"""What the offline generator says back: summaries and the "I can't do that" answer, from the catalog."""

from __future__ import annotations

from core.i18n.locales import Locale
from core.messages import say, say_in, say_plural
from core.site.sections import SectionKind


def note(key: str, language: Locale, section: SectionKind | None = None, value: str = "") -> str:
    name = say_in(language, "offline_section", section) if section else ""
    return say(language, f"offline_note_{key}", section=name, value=value)


def language_name(said_in: Locale, locale: Locale) -> str:
    """``locale``'s name in ``said_in``: "reescrevi o site em inglês"."""
    return say_in(said_in, "language_name", locale)


def created(language: Locale, name: str, count: int) -> str:
    return say_plural(language, "offline_created", count, name=name)


def summary(notes: list[str], language: Locale, changed: bool = True) -> str:
    """ "Done: ..." naming each change; "Nothing changed: ..." (with what can be done) when no edit
    was made, so a reply never says "Done" over an unchanged site."""
    if not notes:  # understood, but nothing needed doing ("make it lighter" on a light site)
        return say(language, "offline_unchanged")
    joined = notes[0] if len(notes) == 1 else ", ".join(notes[:-1]) + say(language, "offline_and") + notes[-1]
    text = say(language, "offline_done", notes=joined) if changed else say(language, "offline_nothing_changed", notes=joined)
    return text[0].upper() + text[1:]


def cannot_help(language: Locale) -> str:
    return say(language, "offline_cannot_help")


def image_place(language: Locale, target: str) -> str:
    """Where a photo went, as a note says it: "the cover", "a galeria"."""
    return say_in(language, "image_place", target)
