"""Who sent which image: the owner's storage use, and photos waiting for a site to exist."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.tables import Base, JsonDocument, UtcDateTime, utcnow


class ImageUploadRow(Base):
    """One image of one owner (a photo sent twice is one row: storage counts it once).

    ``pending_conversation_id``: sent before the conversation had a site; the
    next site created there shows it. ``asset`` is the image as the site model
    describes it (``core.site.images.ImageAsset``), so it can be placed later.
    """

    __tablename__ = "image_uploads"
    __table_args__ = (UniqueConstraint("owner_id", "hash", name="uq_image_owner_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    hash: Mapped[str] = mapped_column(String(64))
    bytes: Mapped[int] = mapped_column(BigInteger)
    asset: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    pending_conversation_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
