"""The site specification: everything needed to render a site, nothing more."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from core.site.business import Business, Seo
from core.site.sections import Section
from core.site.theme import Theme
from core.site.values import Language, SpecModel, text


class SiteHeader(SpecModel):
    """A site without its sections: what a generator emits before the first section."""

    name: Annotated[str, text(80, 1)]
    language: Language
    tagline: Annotated[str, text(160)] = ""
    theme: Theme
    seo: Seo
    business: Business = Business()


class Site(SiteHeader):
    """A complete site. Immutable: every change produces a new version."""

    sections: Annotated[list[Section], Field(min_length=1, max_length=20)]

    @property
    def header(self) -> SiteHeader:
        return SiteHeader.model_validate(self.model_dump(exclude={"sections"}))

    @classmethod
    def assemble(cls, header: SiteHeader, sections: list[Section]) -> Site:
        return cls.model_validate({**header.model_dump(), "sections": [s.model_dump() for s in sections]})

    @classmethod
    def draft(cls, header: SiteHeader, sections: list[Section]) -> Site:
        """A partial site for the live preview, from parts that were each validated already.

        Skips re-validating the whole site on every streamed section (which made
        streaming quadratic); the finished site is still built with ``assemble``.
        """
        return cls.model_construct(**{name: getattr(header, name) for name in SiteHeader.model_fields}, sections=list(sections))
