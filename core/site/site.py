"""The site specification: everything needed to render a site, nothing more."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, ValidationInfo, model_validator

from core.site.business import Business, Seo
from core.site.images import MAX_IMAGES, ImageAsset, ImageHash
from core.site.sections import Menu, Section, Services, Team
from core.site.theme import Theme
from core.site.values import Language, SpecModel, text
from core.site.weight import sections_budget, sections_weight


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
    images: Annotated[list[ImageAsset], Field(max_length=MAX_IMAGES)] = []
    logo: ImageHash | None = None

    @model_validator(mode="after")
    def _images_known(self) -> Site:
        """Every image a section or the header shows is one of the site's own."""
        known = {image.hash for image in self.images}
        missing = sorted(set(image_references(self)) - known)
        if missing:
            raise ValueError(f"image {missing[0][:16]}… is not one of the site's images")
        return self

    @model_validator(mode="after")
    def _within_budget(self, info: ValidationInfo) -> Site:
        """The sections fit one page of 40 KB (see ``core.site.weight``).

        Not for a version read back from storage (``context={"stored": True}``): it passed when
        written, and sites stored before the budget must still open.
        """
        if info.context and info.context.get("stored"):
            return self
        header = self.model_dump(include={"name", "tagline", "seo", "business"})
        weight, budget = sections_weight([s.model_dump() for s in self.sections], header["business"]), sections_budget(header)
        if weight > budget:
            raise ValueError(f"the sections make about {weight:,} bytes of page; with this header at most {budget:,} (40 KB in all)")
        return self

    @property
    def header(self) -> SiteHeader:
        return SiteHeader.model_validate(self.model_dump(exclude={"sections", "images", "logo"}))

    def image(self, image_hash: str) -> ImageAsset | None:
        return next((image for image in self.images if image.hash == image_hash), None)

    @classmethod
    def assemble(cls, header: SiteHeader, sections: list[Section]) -> Site:
        return cls.model_validate({**header.model_dump(), "sections": [s.model_dump() for s in sections]})

    @classmethod
    def draft(cls, header: SiteHeader, sections: list[Section]) -> Site:
        """A partial site for the live preview, from parts that were each validated already.

        Skips re-validating the whole site on every streamed section (which made
        streaming quadratic); the finished site is still built with ``assemble``.
        """
        return cls.model_construct(
            **{name: getattr(header, name) for name in SiteHeader.model_fields}, sections=list(sections), images=[], logo=None
        )


def image_references(site: Site) -> list[str]:
    """Every hash the site shows, in page order (the logo first), repeats included."""
    found: list[str] = [site.logo] if site.logo else []
    for section in site.sections:
        _collect(section.model_dump(), found)
    return found


def _collect(value: object, found: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("image", "photo") and isinstance(item, str):
                found.append(item)
            else:
                _collect(item, found)
    elif isinstance(value, list):
        for item in value:
            _collect(item, found)


def shown_with(site: Site, image_hash: str) -> str | None:
    """The name of the first team member, service or menu item showing ``image_hash``, if any."""
    for section in site.sections:
        pairs: list[tuple[str | None, str]] = []
        if isinstance(section, Team):
            pairs = [(member.photo, member.name) for member in section.members]
        elif isinstance(section, Services):
            pairs = [(item.image, item.name) for item in section.items]
        elif isinstance(section, Menu):
            pairs = [(item.image, item.name) for category in section.categories for item in category.items]
        found = next((name for shown, name in pairs if shown == image_hash), None)
        if found:
            return found
    return None
