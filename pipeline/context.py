"""What a section builder knows besides its own section."""

from __future__ import annotations

from dataclasses import dataclass

from core.site.images import ImageAsset
from core.site.site import Site
from pipeline.money import format_price
from pipeline.words import Words, words


@dataclass(frozen=True, slots=True)
class RenderContext:
    site: Site
    anchor: str  # the section's unique id: "menu", "menu-2", ...
    page_title: bool = False  # this section carries the page's one <h1>
    tone: str = "plain"  # "plain" or "alt": alternating backgrounds

    def asset(self, image_hash: str | None) -> ImageAsset | None:
        """The site's image with ``image_hash`` (None for no image or an unknown one)."""
        return self.site.image(image_hash) if image_hash else None

    @property
    def words(self) -> Words:
        return words(self.site.language)

    @property
    def heading_id(self) -> str:
        return f"{self.anchor}-title"

    def price(self, amount: float, currency: str, *, cents: bool = True) -> str:
        return format_price(amount, currency, self.site.language, cents=cents, country=self.site.business.country)
