"""Which image files a site's page links, and getting their bytes for a release or a preview.

The page links exactly what ``pipeline.picture`` and the head name: every
variant of every image shown, and for a logo its app icons, made from the
stored logo on first need (on the theme's background) and kept beside it.
"""

from __future__ import annotations

import asyncio

from core.images.port import ImageStore
from core.site.site import Site, image_references
from pipeline.images import logo_icons
from pipeline.images.names import (
    ICON_SIZES,
    extensions,
    fallback_ext,
    file_name,
    icon_name,
    parse_file_name,
    variant_key,
    variant_widths,
)
from pipeline.tokens import resolve


def linked_files(site: Site) -> dict[str, tuple[str, str]]:
    """Public name (``img/…-960.avif``) -> (image hash, stored key), for everything the page links."""
    found: dict[str, tuple[str, str]] = {}
    for image_hash in dict.fromkeys(image_references(site)):
        asset = site.image(image_hash)
        if asset is None:
            continue
        for width in variant_widths(asset.width):
            for ext in extensions(asset.alpha):
                found[file_name(image_hash, width, ext)] = (image_hash, variant_key(width, ext))
    if site.logo and site.image(site.logo) is not None:
        for icon in ICON_SIZES:
            found[icon_name(site.logo, icon)] = (site.logo, _icon_key(site, icon))
    return found


def _icon_key(site: Site, icon: str) -> str:
    """Icons sit on the theme's background, so a new theme makes new icons."""
    return f"{icon.removesuffix('.png')}-{resolve(site.theme).bg.lstrip('#')}.png"


async def site_image_files(site: Site, store: ImageStore) -> dict[str, bytes]:
    """Every image file the page links, by public name (for a published release)."""
    files: dict[str, bytes] = {}
    for name in linked_files(site):
        data = await image_file(site, name, store)
        if data is not None:
            files[name] = data
    return files


async def image_file(site: Site, name: str, store: ImageStore) -> bytes | None:
    """One linked file, or None when the page does not link ``name`` (or it was never stored)."""
    if parse_file_name(name) is None:
        return None
    found = linked_files(site).get(name)
    if found is None:
        return None
    image_hash, key = found
    data = await store.get(image_hash, key)
    if data is None and site.logo == image_hash and key.startswith(("favicon", "apple", "icon")):
        data = await _make_icons(site, store, key)
    return data


async def _make_icons(site: Site, store: ImageStore, wanted: str) -> bytes | None:
    assert site.logo is not None
    asset = site.image(site.logo)
    assert asset is not None
    source = await store.get(site.logo, variant_key(variant_widths(asset.width)[-1], fallback_ext(asset.alpha)))
    if source is None:
        return None
    icons = await asyncio.to_thread(logo_icons, source, resolve(site.theme).bg)
    made: dict[str, bytes] = {}
    for icon, data in icons.items():
        key = _icon_key(site, icon)
        await store.add(site.logo, key, data)
        made[key] = data
    return made.get(wanted)
