"""Gallery: photos when the spec has them, palette illustrations when it does not."""

from __future__ import annotations

from core.site.sections import Gallery, GalleryImage
from pipeline.ast import Element, Node, h
from pipeline.context import RenderContext
from pipeline.illustration import picture as illustration
from pipeline.picture import picture
from pipeline.sections.shell import section as frame

GALLERY_SIZES = "(min-width: 72rem) 17rem, (min-width: 40rem) 45vw, calc(100vw - 2.5rem)"


def _image(image: GalleryImage, ctx: RenderContext) -> Element:
    asset = ctx.asset(image.image)
    if asset is not None:
        return picture(asset, GALLERY_SIZES)
    if image.src is None:
        return illustration(image.alt)
    # Intrinsic size reserves the space (no layout shift); CSS crops to 4:3.
    return h(
        "img",
        {
            "src": image.src,
            "alt": image.alt,
            "width": 800,
            "height": 600,
            "loading": "lazy",
            "decoding": "async",
        },
    )


def build(section: Gallery, ctx: RenderContext) -> Node:
    figures = [
        h(
            "li",
            None,
            h("figure", None, _image(image, ctx), image.caption and h("figcaption", None, image.caption)),
        )
        for image in section.images
    ]
    return frame(ctx, "gallery", section.heading, h("ul", {"class": "gallery g4" if len(figures) in (4, 8) else "gallery"}, figures), intro=section.intro)
