"""Images as data of the site: what a picture is (hash, size, alt text, focal point), not its bytes.

A site keeps a library of the images its owner sent (``Site.images``); sections
and the header refer to them by content hash. The bytes live behind
``core.images.ImageStore``; the files a page links are derived from the hash
and width (``pipeline.images.names``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from core.site.values import HexColor, SpecModel, text

IMAGE_HASH_PATTERN = r"^[0-9a-f]{64}$"
ImageHash = Annotated[str, StringConstraints(pattern=IMAGE_HASH_PATTERN)]
MAX_IMAGES = 60  # the library: every photo the owner sent for this site, placed or not
MAX_GALLERY = 12

ImageTarget = Literal["cover", "logo", "gallery", "about", "team_member", "service", "menu_item"]
IMAGE_TARGETS: tuple[ImageTarget, ...] = ("cover", "logo", "gallery", "about", "team_member", "service", "menu_item")
ITEM_TARGETS: tuple[ImageTarget, ...] = ("team_member", "service", "menu_item")  # placed by the item's name


class FocalPoint(SpecModel):
    """Where the subject is (0..1 from the left and top): crops keep it in view."""

    x: Annotated[float, Field(ge=0, le=1)] = 0.5
    y: Annotated[float, Field(ge=0, le=1)] = 0.5


class ImageAsset(SpecModel):
    """One processed image. ``alt`` is required unless the image is ``decorative``.

    ``width``/``height`` are the largest variant's; ``placeholder`` the colours
    of its top and bottom halves, shown while it loads; ``alpha`` a picture with
    transparency (a logo), whose fallback is PNG rather than JPEG.
    ``alt_given``: the owner described it (else the alt is a neutral one from context).
    """

    hash: ImageHash
    width: Annotated[int, Field(ge=1, le=1600)]
    height: Annotated[int, Field(ge=1, le=20000)]
    alt: Annotated[str, text(160)] = ""
    alt_given: bool = False
    decorative: bool = False
    focal: FocalPoint = FocalPoint()
    placeholder: Annotated[list[HexColor], Field(min_length=2, max_length=2)]
    alpha: bool = False
    colours: Annotated[list[HexColor], Field(max_length=4)] = []  # dominant first: a logo's brand colours

    @model_validator(mode="after")
    def _described(self) -> ImageAsset:
        if not self.decorative and not self.alt:
            raise ValueError("an image that is not decorative needs alt text")
        return self
