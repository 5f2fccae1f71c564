"""Domain state: what the DNS checker and the certificate manager read and write.

``Store.attach_domain`` creates a domain (and refuses another site's); this
module moves it through its statuses and remembers when to look at it again,
so a periodic loop in any process can pick up exactly the domains that are due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, delete, or_, select

from core.storage.domain_tables import DomainStateRow
from core.storage.store import Store
from core.storage.tables import DomainRow, SiteRow, utcnow

# Statuses a domain can be in (``core.events.DomainStatus`` names the same ones).
LIVE_STATUSES = ("pending_dns", "verified", "issuing", "active", "failed")


@dataclass(frozen=True)
class DomainState:
    site_id: int
    slug: str
    name: str
    status: str
    token: str
    detail: str = ""
    attempts: int = 0
    next_check_at: datetime | None = None
    checked_at: datetime | None = None
    not_after: datetime | None = None


_UNSET: object = object()


class DomainStore:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def get(self, name: str) -> DomainState | None:
        async with self._store._guard(), self._store.session() as session:
            row = (await session.execute(self._query().where(DomainRow.name == name))).first()
            return _state(row[0], row[1], row[2]) if row is not None else None

    async def of_site(self, site_id: int) -> list[DomainState]:
        async with self._store._guard(), self._store.session() as session:
            rows = await session.execute(self._query().where(DomainRow.site_id == site_id).order_by(DomainRow.id))
            return [_state(row[0], row[1], row[2]) for row in rows]

    async def due(self, now: datetime, limit: int = 50) -> list[DomainState]:
        """Domains whose next check or renewal time has come (or was never set), oldest first."""
        async with self._store._guard(), self._store.session() as session:
            rows = await session.execute(
                self._query()
                .where(DomainRow.status.in_(LIVE_STATUSES))
                .where(or_(DomainStateRow.next_check_at.is_(None), DomainStateRow.next_check_at <= now))
                .order_by(DomainStateRow.next_check_at.nulls_first(), DomainRow.id)
                .limit(limit)
            )
            return [_state(row[0], row[1], row[2]) for row in rows]

    async def update(
        self,
        name: str,
        status: str,
        *,
        detail: str = "",
        attempts: int | None = None,
        next_check_at: datetime | object | None = _UNSET,
        not_after: datetime | object | None = _UNSET,
        checked: bool = False,
    ) -> DomainState | None:
        """Move ``name`` to ``status``; None when the domain was removed meanwhile."""
        async with self._store._guard(), self._store.session() as session, session.begin():
            domain = await session.scalar(select(DomainRow).where(DomainRow.name == name))
            if domain is None:
                return None
            row = await session.get(DomainStateRow, domain.id)
            if row is None:
                row = DomainStateRow(domain_id=domain.id, detail="", attempts=0)
                session.add(row)
            domain.status = status
            row.detail = detail
            if attempts is not None:
                row.attempts = attempts
            if next_check_at is not _UNSET:
                row.next_check_at = next_check_at  # type: ignore[assignment]
            if not_after is not _UNSET:
                row.not_after = not_after  # type: ignore[assignment]
            if checked:
                row.checked_at = utcnow()
            row.updated_at = utcnow()
        return await self.get(name)

    async def remove(self, site_id: int, name: str) -> bool:
        """Detach ``name`` from the site; False when it is not this site's."""
        async with self._store._guard(), self._store.session() as session, session.begin():
            result = await session.execute(
                delete(DomainRow).where(DomainRow.site_id == site_id, DomainRow.name == name)
            )
            return bool(getattr(result, "rowcount", 0))

    @staticmethod
    def _query() -> Select[DomainRow, str, DomainStateRow]:
        return (
            select(DomainRow, SiteRow.slug, DomainStateRow)
            .join(SiteRow, SiteRow.id == DomainRow.site_id)
            .outerjoin(DomainStateRow, DomainStateRow.domain_id == DomainRow.id)
        )


def _state(domain: DomainRow, slug: str, state: DomainStateRow | None) -> DomainState:
    return DomainState(
        site_id=domain.site_id,
        slug=slug,
        name=domain.name,
        status=domain.status,
        token=domain.token,
        detail=state.detail if state else "",
        attempts=state.attempts if state else 0,
        next_check_at=state.next_check_at if state else None,
        checked_at=state.checked_at if state else None,
        not_after=state.not_after if state else None,
    )
