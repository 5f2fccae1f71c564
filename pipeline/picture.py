"""``<picture>`` for one of the owner's images: AVIF, WebP, then the JPEG (or PNG) fallback.

Every width the image was encoded at goes in ``srcset`` so the browser picks the
smallest that fills the slot (``sizes``); ``width``/``height`` reserve the space
before it loads (no layout shift); below the fold it loads lazily, the hero
with ``fetchpriority="high"``. While it loads, the slot shows the photo's own
colours (a gradient rule per image in the stylesheet, ``image_rules``).
"""

from __future__ import annotations

from core.site.images import ImageAsset
from core.site.site import Site, image_references
from pipeline.ast import Element, h
from pipeline.images.names import ID_CHARS, extensions, fallback_ext, file_name, variant_widths

TYPES = {"avif": "image/avif", "webp": "image/webp"}


def srcset(asset: ImageAsset, ext: str) -> str:
    return ", ".join(f"{file_name(asset.hash, w, ext)} {w}w" for w in variant_widths(asset.width))


def css_class(asset: ImageAsset) -> str:
    return f"i-{asset.hash[:ID_CHARS]}"


def picture(asset: ImageAsset, sizes: str, *, eager: bool = False, alt: str | None = None, extra: str = "photo") -> Element:
    """The responsive picture; ``alt`` overrides the asset's (``""`` where text beside it names it)."""
    text = alt if alt is not None else ("" if asset.decorative else asset.alt)
    fallback = fallback_ext(asset.alpha)
    widths = variant_widths(asset.width)
    middle = widths[len(widths) // 2]
    sources = [
        h("source", {"type": TYPES[ext], "srcset": srcset(asset, ext), "sizes": sizes})
        for ext in extensions(asset.alpha)
        if ext in TYPES
    ]
    image = h(
        "img",
        {
            "src": file_name(asset.hash, middle, fallback),
            "srcset": srcset(asset, fallback),
            "sizes": sizes,
            "alt": text,
            "width": asset.width,
            "height": asset.height,
            "class": f"{extra} {css_class(asset)}",
            "loading": None if eager else "lazy",
            "decoding": None if eager else "async",
            "fetchpriority": "high" if eager else None,
        },
    )
    return h("picture", None, sources, image)


def image_rules(site: Site) -> str:
    """One rule per image the page shows: its placeholder colours and its focal point for crops."""
    rules = []
    for image_hash in dict.fromkeys(image_references(site)):
        asset = site.image(image_hash)
        if asset is None:
            continue
        top, bottom = asset.placeholder
        x, y = round(asset.focal.x * 100), round(asset.focal.y * 100)
        rules.append(
            f"img.{css_class(asset)}{{background:linear-gradient({top},{bottom});object-position:{x}% {y}%}}"
        )
    return "\n".join(rules) + ("\n" if rules else "")
