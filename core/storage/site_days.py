"""One row per site per UTC day of the edge's analytics (``hosting/analytics/rollup.py`` writes it).

A row holds the day's totals so far and its top pages and referring hosts; the rollup overwrites
it with the day's figures from Redis each run (setting, never adding: a run repeated changes
nothing). A 90-day range is at most 90 rows of one site, read by ``core/analytics``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.tables import Base, JsonDocument, UtcDateTime, utcnow


class SiteDayRow(Base):
    __tablename__ = "site_days"

    site_id: Mapped[int] = mapped_column(Integer, ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    requests: Mapped[int] = mapped_column(BigInteger, default=0)
    views: Mapped[int] = mapped_column(BigInteger, default=0)  # HTML pages served to GET
    visitors: Mapped[int] = mapped_column(BigInteger, default=0)  # distinct anonymous daily hashes (estimate)
    bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    classes: Mapped[dict[str, int]] = mapped_column(JsonDocument, default=dict)  # "2xx" -> requests
    pages: Mapped[dict[str, int]] = mapped_column(JsonDocument, default=dict)  # path -> views (top ones)
    referrers: Mapped[dict[str, int]] = mapped_column(JsonDocument, default=dict)  # host -> views (top ones)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
