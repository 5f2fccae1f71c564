"""What an adapter hands Studio for one file a user sent: its name, declared size, and how to fetch it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ImageUpload:
    """One file from a chat. ``fetch(limit)`` downloads at most ``limit`` bytes (raising
    ``ImageRejected("too_big")`` past it, ``ImageRejected("download")`` when the platform
    fails), so Studio can refuse a file by its declared size before any byte moves."""

    name: str
    size: int | None
    fetch: Callable[[int], Awaitable[bytes]]


def from_bytes(name: str, data: bytes) -> ImageUpload:
    """An upload already in memory (the terminal reads a local file)."""

    async def fetch(limit: int) -> bytes:
        return data

    return ImageUpload(name, len(data), fetch)
