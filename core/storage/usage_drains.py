"""Which edge usage hand-overs are already in ``usage_events``.

The billing aggregator writes a drain's usage rows and its row here in one transaction;
a drain seen again (the aggregator crashed before releasing it in Redis) is skipped, so
edge counts reach the database exactly once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.tables import Base, UtcDateTime, utcnow


class UsageDrainRow(Base):
    __tablename__ = "usage_drains"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
