"""The audit trail: publish, unpublish, domain, plan and permission changes, kept forever.

Rows are only ever added. Site and user ids are plain columns, not foreign
keys, so the trail outlives what it describes (a deleted site's history stays
readable by an operator). ``actor`` is the chat platform's user id and
``chat_id`` the conversation the change came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.records import ChatRef
from core.storage.store import Store
from core.storage.tables import Base, UtcDateTime, utcnow

ACTIONS = (
    "publish", "unpublish", "domain", "plan", "permission",
    # accounts (core/accounts): linking, sign-in, two-factor, tokens, export, deletion
    "link", "unlink", "merge", "sign_in", "sign_out", "second_factor", "api_token", "export", "delete_account", "role",
)


class AuditRow(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(500), default="")
    platform: Mapped[str] = mapped_column(String(20), default="")
    workspace: Mapped[str] = mapped_column(String(100), default="")
    chat_id: Mapped[str] = mapped_column(String(100), default="")
    actor: Mapped[str] = mapped_column(String(100), default="")
    request_id: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


@dataclass(frozen=True)
class AuditRecord:
    id: int
    site_id: int | None
    user_id: int | None
    action: str
    detail: str
    platform: str
    workspace: str
    chat_id: str
    actor: str
    request_id: str
    created_at: datetime


class AuditLog:
    """Writes and reads audit rows through the store's sessions."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def record(
        self,
        action: str,
        *,
        site_id: int | None,
        user_id: int | None,
        chat: ChatRef | None = None,
        detail: str = "",
        request_id: str | None = None,
    ) -> AuditRecord:
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        async with self.store._guard(), self.store.session() as session, session.begin():
            row = AuditRow(
                site_id=site_id,
                user_id=user_id,
                action=action,
                detail=detail[:500],
                platform=chat.platform if chat else "",
                workspace=(chat.workspace if chat else "")[:100],
                chat_id=(chat.chat_id if chat else "")[:100],
                actor=(chat.user_id if chat else "")[:100],
                request_id=(request_id or "")[:64],
                created_at=utcnow(),
            )
            session.add(row)
            await session.flush()
            return _record(row)

    async def for_site(self, site_id: int, limit: int = 50) -> list[AuditRecord]:
        """The site's newest ``limit`` rows, oldest first."""
        async with self.store._guard(), self.store.session() as session:
            rows = await session.scalars(
                select(AuditRow).where(AuditRow.site_id == site_id).order_by(AuditRow.id.desc()).limit(limit)
            )
            return [_record(r) for r in reversed(list(rows))]

    async def for_user(self, user_id: int, limit: int = 50) -> list[AuditRecord]:
        async with self.store._guard(), self.store.session() as session:
            rows = await session.scalars(
                select(AuditRow).where(AuditRow.user_id == user_id).order_by(AuditRow.id.desc()).limit(limit)
            )
            return [_record(r) for r in reversed(list(rows))]


def _record(row: AuditRow) -> AuditRecord:
    return AuditRecord(
        id=row.id,
        site_id=row.site_id,
        user_id=row.user_id,
        action=row.action,
        detail=row.detail,
        platform=row.platform,
        workspace=row.workspace,
        chat_id=row.chat_id,
        actor=row.actor,
        request_id=row.request_id,
        created_at=row.created_at,
    )
