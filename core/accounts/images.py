"""An account's images for its export and its deletion, on the local image store.

Images are content-addressed and may be shared: the same photo sent by two accounts is kept
once. A deleted account's image goes only when no other account has sent it too.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from core.images.local import LocalImageStore
from core.storage.image_tables import ImageUploadRow
from core.storage.store import Store


class StoredImages:
    def __init__(self, store: Store, images: LocalImageStore) -> None:
        self.store = store
        self.images = images

    async def _hashes(self, user_id: int) -> set[str]:
        async with self.store.session() as session:
            return set(await session.scalars(select(ImageUploadRow.hash).where(ImageUploadRow.owner_id == user_id)))

    async def files_of(self, user_id: int) -> Mapping[str, bytes]:
        found: dict[str, bytes] = {}
        for image_hash in sorted(await self._hashes(user_id)):
            for key, data in (await self.images.files(image_hash)).items():
                found[f"images/{image_hash}/{key}"] = data
        return found

    async def forget(self, user_id: int) -> int:
        mine = await self._hashes(user_id)
        if not mine:
            return 0
        async with self.store.session() as session:
            shared = set(await session.scalars(
                select(ImageUploadRow.hash).where(ImageUploadRow.hash.in_(mine), ImageUploadRow.owner_id != user_id)
            ))
        for image_hash in mine - shared:
            await self.images.remove(image_hash)
        return len(mine - shared)
