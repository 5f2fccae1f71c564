"""The site specification: models, schema export, validation and edit operations."""

from core.site.business import Business, OpeningHours, Seo, SocialLink
from core.site.sections import SECTION_KINDS, Section, SectionKind
from core.site.site import Site, SiteHeader
from core.site.theme import Palette, Theme

__all__ = [
    "SECTION_KINDS",
    "Business",
    "OpeningHours",
    "Palette",
    "Section",
    "SectionKind",
    "Seo",
    "Site",
    "SiteHeader",
    "SocialLink",
    "Theme",
]
