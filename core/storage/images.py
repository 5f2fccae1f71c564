"""The image uploads repository: storage counted per owner, photos waiting for a site."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from core.site.images import ImageAsset
from core.storage.image_tables import ImageUploadRow
from core.storage.store import Store


class ImageUploads:
    """Rows of ``image_uploads`` through the store's engine (SQLite or PostgreSQL)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def record(self, owner_id: int, asset: ImageAsset, size: int, pending_conversation_id: int | None) -> bool:
        """Note that ``owner_id`` holds this image; False when they already did (it counts once)."""
        async with self.store.session() as session:
            session.add(
                ImageUploadRow(
                    owner_id=owner_id, hash=asset.hash, bytes=size, asset=asset.model_dump(mode="json"),
                    pending_conversation_id=pending_conversation_id,
                )
            )
            try:
                await session.commit()
            except IntegrityError:
                await session.rollback()
                if pending_conversation_id is not None:
                    await session.execute(
                        update(ImageUploadRow)
                        .where(ImageUploadRow.owner_id == owner_id, ImageUploadRow.hash == asset.hash)
                        .values(pending_conversation_id=pending_conversation_id)
                    )
                    await session.commit()
                return False
            return True

    async def stored_bytes(self, owner_id: int) -> int:
        """What the owner's images take in storage now (the ``storage`` metric)."""
        async with self.store.session() as session:
            total = await session.scalar(select(func.sum(ImageUploadRow.bytes)).where(ImageUploadRow.owner_id == owner_id))
            return int(total or 0)

    async def owned(self, owner_id: int, hashes: set[str]) -> set[str]:
        """Which of ``hashes`` this owner has sent."""
        if not hashes:
            return set()
        async with self.store.session() as session:
            rows = await session.scalars(
                select(ImageUploadRow.hash).where(ImageUploadRow.owner_id == owner_id, ImageUploadRow.hash.in_(hashes))
            )
            return set(rows.all())

    async def take_pending(self, conversation_id: int) -> list[ImageAsset]:
        """Photos sent before the conversation had a site, oldest first; no longer pending after this."""
        async with self.store.session() as session:
            rows = (
                await session.scalars(
                    select(ImageUploadRow)
                    .where(ImageUploadRow.pending_conversation_id == conversation_id)
                    .order_by(ImageUploadRow.id)
                )
            ).all()
            assets = [ImageAsset.model_validate(row.asset) for row in rows]
            await session.execute(
                update(ImageUploadRow)
                .where(ImageUploadRow.pending_conversation_id == conversation_id)
                .values(pending_conversation_id=None)
            )
            await session.commit()
            return assets
