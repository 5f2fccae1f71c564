"""``ImageStore`` on the local disk: ``ROOT/ab/abcdef…/960.avif``, written atomically."""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import shutil
from collections.abc import Mapping
from pathlib import Path

_HASH = re.compile(r"^[0-9a-f]{64}$")
_KEY = re.compile(r"^[a-z0-9-]{1,40}\.(?:avif|webp|jpg|png)$")


class LocalImageStore:
    """Files under ``root`` (PAGEMAGIC_HOME/images by default); safe for several processes."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, image_hash: str) -> Path:
        if not _HASH.match(image_hash):
            raise ValueError("not an image hash")
        return self.root / image_hash[:2] / image_hash

    async def put(self, image_hash: str, files: Mapping[str, bytes]) -> None:
        await asyncio.to_thread(self._put, image_hash, dict(files))

    async def add(self, image_hash: str, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._write, self.folder(image_hash), key, data)

    async def get(self, image_hash: str, key: str) -> bytes | None:
        if not _KEY.match(key) or not _HASH.match(image_hash):
            return None
        path = self.folder(image_hash) / key
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError:
            return None

    async def has(self, image_hash: str) -> bool:
        return _HASH.match(image_hash) is not None and await asyncio.to_thread((self.folder(image_hash) / ".complete").exists)

    async def files(self, image_hash: str) -> dict[str, bytes]:
        """Every variant kept of an image (an account's export)."""
        folder = self.folder(image_hash)

        def read() -> dict[str, bytes]:
            if not folder.is_dir():
                return {}
            return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if _KEY.match(p.name)}

        return await asyncio.to_thread(read)

    async def remove(self, image_hash: str) -> None:
        """The image's folder, gone (its last owner deleted their account)."""
        await asyncio.to_thread(shutil.rmtree, self.folder(image_hash), True)

    def _put(self, image_hash: str, files: dict[str, bytes]) -> None:
        folder = self.folder(image_hash)
        if (folder / ".complete").exists():
            return  # content-addressed: the same hash is the same files
        for key, data in files.items():
            self._write(folder, key, data)
        (folder / ".complete").touch()

    @staticmethod
    def _write(folder: Path, key: str, data: bytes) -> None:
        if not _KEY.match(key):
            raise ValueError(f"not a variant name: {key!r}")
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{key}.{secrets.token_hex(4)}.tmp"
        temporary.write_bytes(data)
        os.replace(temporary, folder / key)
