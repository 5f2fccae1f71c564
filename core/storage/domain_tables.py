"""Where each attached domain stands: the last DNS check, the certificate, the next attempt.

One row per row of ``domains`` (removed with it). ``domains.status`` stays the
one status every part reads; this table holds what moves it: the problems the
last DNS check found, how many attempts failed, when to look again and when
the certificate runs out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.tables import Base, UtcDateTime, utcnow


class DomainStateRow(Base):
    __tablename__ = "domain_states"

    domain_id: Mapped[int] = mapped_column(ForeignKey("domains.id", ondelete="CASCADE"), primary_key=True)
    detail: Mapped[str] = mapped_column(Text, default="")  # a reason, or the DNS problems as JSON
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_check_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True, index=True)
    checked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    not_after: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
