"""The image storage port: content-addressed files, one folder of variants per image hash.

Studio stores what ``pipeline.images.process`` made and never rewrites it: the
same hash always means the same files, so a photo used in ten versions or two
sites is stored once, and any replica can serve it. ``local`` (a folder under
PAGEMAGIC_HOME) is the embedded implementation; an S3-compatible bucket fits
the same four calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class ImageStore(Protocol):
    async def put(self, image_hash: str, files: Mapping[str, bytes]) -> None:
        """Keep ``files`` (variant key -> bytes) under ``image_hash``; a no-op if already kept."""
        ...

    async def get(self, image_hash: str, key: str) -> bytes | None:
        """One file of an image (``"960.avif"``), or None when it is not kept."""
        ...

    async def has(self, image_hash: str) -> bool: ...

    async def add(self, image_hash: str, key: str, data: bytes) -> None:
        """A file derived later from a kept image (a logo's app icons)."""
        ...
