"""ASCII slugs from names people write: "Padaria São João" -> "padaria-sao-joao".

Used for site URLs (and the images and services named after them) and, without
the hyphens, for the e-mail domains the offline generator invents. A site's
slug is also its host name under the base domain, so the names the platform
keeps for itself (``reserved_slugs.txt``: www, api, mail, status, ...) are
never given to a site.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

RESERVED_FILE = Path(__file__).with_name("reserved_slugs.txt")


def slugify(name: str, limit: int = 48) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:limit].strip("-") or "site"


@cache
def reserved_slugs() -> frozenset[str]:
    """The platform's own host names, read once from ``reserved_slugs.txt``."""
    names: set[str] = set()
    for line in RESERVED_FILE.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("#"):
            names.update(line.split())
    return frozenset(names)


def is_reserved(slug: str) -> bool:
    return slug in reserved_slugs()
