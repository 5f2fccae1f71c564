"""Bounded value types shared by the site specification.

Every constraint is expressed as something JSON Schema can carry (lengths,
patterns, ranges), so the exported schema rejects exactly what pydantic rejects
and a model's output can be checked before it is parsed.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from core.i18n.locales import LOCALES, Locale, stored_locale

# Links may only use schemes that cannot execute code; in-page anchors are
# allowed so call-to-action buttons can point at a section of the same page.
SAFE_URL_PATTERN = (
    r"^(https?://[^\s<>\"'`\\]+|mailto:[^\s<>\"'`\\]+|tel:[+0-9 ().\-/]+|#[A-Za-z][A-Za-z0-9_\-]*)$"
)
# Images must come over https: the published CSP allows no other remote source.
IMAGE_URL_PATTERN = r"^https://[^\s<>\"'`\\]+$"
HEX_COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"

SafeUrl = Annotated[str, StringConstraints(max_length=500, pattern=SAFE_URL_PATTERN)]
ImageUrl = Annotated[str, StringConstraints(max_length=500, pattern=IMAGE_URL_PATTERN)]
HexColor = Annotated[str, StringConstraints(pattern=HEX_COLOR_PATTERN)]
Currency = Annotated[str, StringConstraints(pattern=CURRENCY_PATTERN)]


def text(max_length: int, min_length: int = 0) -> object:
    """A plain-text field: never markup, always escaped when rendered."""
    return StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length)


ShortText = Annotated[str, text(80, 1)]
Heading = Annotated[str, text(120, 1)]
OptionalHeading = Annotated[str, text(120)]
Sentence = Annotated[str, text(300)]
Paragraph = Annotated[str, text(1200, 1)]
Label = Annotated[str, text(40, 1)]



def _locale(value: object) -> object:
    # Sites saved before Portuguese had two locales say "pt": they were written in European Portuguese.
    return stored_locale(value) or value if isinstance(value, str) else value


# A site's language is a locale: Brazilian and European Portuguese are written differently.
Language = Annotated[Locale, BeforeValidator(_locale)]
LANGUAGES: tuple[Locale, ...] = LOCALES

Price = Annotated[float, Field(ge=0, le=1_000_000)]


class SpecModel(BaseModel):
    """Base for every spec model: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Link(SpecModel):
    """A labelled link, as used by buttons and footers."""

    label: Label
    href: SafeUrl
