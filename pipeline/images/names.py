"""Which files an image has and what they are called: shared by processing and rendering.

Processing writes exactly these files and the renderer links exactly these,
so both derive them from the same few facts (hash, width, transparency)
instead of the spec carrying a list of files.
"""

from __future__ import annotations

import re

WIDTHS = (480, 960, 1600)  # a phone (1x-2x), a tablet or half a desktop, a full desktop
MAX_WIDTH = WIDTHS[-1]
FOLDER = "img"
ID_CHARS = 16  # file names carry the first 64 bits of the content hash
ICON_SIZES = {"favicon-32.png": 32, "apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}
_FILE = re.compile(r"^img/(?P<id>[0-9a-f]{16})-(?P<width>\d{1,4})\.(?P<ext>avif|webp|jpg|png)$")
_ICON = re.compile(r"^img/(?P<id>[0-9a-f]{16})-(?P<icon>favicon-32|apple-touch-icon|icon-192|icon-512)\.png$")


def variant_widths(width: int) -> tuple[int, ...]:
    """The widths an image of ``width`` (already capped at ``MAX_WIDTH``) is encoded at; never upscaled."""
    smaller = tuple(w for w in WIDTHS if w < width)
    return (*smaller, min(width, MAX_WIDTH))


def fallback_ext(alpha: bool) -> str:
    """JPEG for photos; PNG when the picture has transparency (a logo)."""
    return "png" if alpha else "jpg"


def extensions(alpha: bool) -> tuple[str, ...]:
    return ("avif", "webp", fallback_ext(alpha))


def variant_key(width: int, ext: str) -> str:
    """How a variant is named in storage, inside its image's folder."""
    return f"{width}.{ext}"


def file_name(image_hash: str, width: int, ext: str) -> str:
    """The variant's path in a published site."""
    return f"{FOLDER}/{image_hash[:ID_CHARS]}-{width}.{ext}"


def icon_name(image_hash: str, icon: str) -> str:
    return f"{FOLDER}/{image_hash[:ID_CHARS]}-{icon}"


def parse_file_name(name: str) -> tuple[str, str] | None:
    """(hash prefix, storage key) for a published image path, or None when it is not one."""
    match = _FILE.match(name)
    if match:
        return match["id"], variant_key(int(match["width"]), match["ext"])
    icon = _ICON.match(name)
    if icon:
        return icon["id"], icon["icon"] + ".png"
    return None
