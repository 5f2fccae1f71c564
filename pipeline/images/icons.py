"""App icons from a logo: favicon, Apple touch icon and the PWA sizes.

Square PNGs with the logo centred on ``background`` with a margin, so the
same files serve as ``any`` and ``maskable`` icons (the logo stays inside the
safe zone a launcher may crop to a circle).
"""

from __future__ import annotations

import io

from PIL import Image

from pipeline.images.names import ICON_SIZES


def logo_icons(data: bytes, background: str) -> dict[str, bytes]:
    """``{"icon-192.png": bytes, ...}`` from a stored logo variant (already clean and upright)."""
    with Image.open(io.BytesIO(data)) as opened:
        logo = opened.convert("RGBA")
    ground = (*(int(background[i : i + 2], 16) for i in (1, 3, 5)), 255)
    icons: dict[str, bytes] = {}
    for name, size in ICON_SIZES.items():
        margin = 0.06 if size <= 32 else 0.18  # maskable safe zone: the middle 80 %
        inner = max(1, round(size * (1 - 2 * margin)))
        fitted = logo.copy()
        fitted.thumbnail((inner, inner), Image.Resampling.LANCZOS)
        canvas = Image.new("RGBA", (size, size), ground)
        canvas.alpha_composite(fitted, ((size - fitted.width) // 2, (size - fitted.height) // 2))
        out = io.BytesIO()
        canvas.convert("RGB").save(out, "PNG", optimize=True)
        icons[name] = out.getvalue()
    return icons
