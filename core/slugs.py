"""ASCII slugs from names people write: "Padaria São João" -> "padaria-sao-joao".

Used for site URLs (and the images and services named after them) and, without
the hyphens, for the e-mail domains the offline generator invents.
"""

from __future__ import annotations

import re
import unicodedata


def slugify(name: str, limit: int = 48) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:limit].strip("-") or "site"
