"""Domain state: what the DNS checker and the certificate manager read and write.

``Store.attach_domain`` creates a site's claim on a domain (and refuses a name
another site holds); this module moves claims through their statuses and
remembers when to look at them again, so a periodic loop in any process can
pick up exactly the domains that are due.

Several sites may claim one name while none has proven it: ``prove`` gives it
to the first whose DNS proof is found and ends the others' claims as ``lost``;
``expire_claims`` ends claims nobody proved in time as ``expired``. A row is
addressed by (site, name); a name alone means the row that holds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from core.storage.domain_tables import DomainStateRow
from core.storage.store import Store
from core.storage.tables import DOMAIN_CLAIMED, DOMAIN_ENDED, DomainRow, SiteRow, utcnow

# Statuses a domain is looked at in (``core.events.DomainStatus`` names these and the ended ones).
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
    claimed_at: datetime | None = None  # when this claim was made (or made again): its expiry counts from here


_UNSET: object = object()


def _held() -> ColumnElement[bool]:
    return DomainRow.status.not_in((DOMAIN_CLAIMED, *DOMAIN_ENDED))


class DomainStore:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def get(self, name: str, site_id: int | None = None) -> DomainState | None:
        """The site's row for ``name``; without a site, the row that holds the name (None while only claimed)."""
        where = DomainRow.site_id == site_id if site_id is not None else _held()
        async with self._store._guard(), self._store.session() as session:
            row = (await session.execute(self._query().where(DomainRow.name == name, where))).first()
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
        site_id: int,
        name: str,
        status: str,
        *,
        detail: str = "",
        attempts: int | None = None,
        next_check_at: datetime | object | None = _UNSET,
        not_after: datetime | object | None = _UNSET,
        checked: bool = False,
    ) -> DomainState | None:
        """Move the site's ``name`` to ``status``; None when the domain was removed meanwhile."""
        async with self._store._guard(), self._store.session() as session, session.begin():
            domain = await session.scalar(select(DomainRow).where(DomainRow.site_id == site_id, DomainRow.name == name))
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
        return await self.get(name, site_id)

    async def prove(self, site_id: int, name: str, now: datetime) -> bool:
        """DNS proved the site's claim: it holds the name now, unless another site's proof came first.

        The winner's row becomes ``verified`` and every other claim on the name
        ``lost``; a loser's own row becomes ``lost``. The unique index on held
        names settles two proofs arriving at the same moment.
        """
        try:
            async with self._store._guard(), self._store.session() as session, session.begin():
                won = await session.execute(
                    update(DomainRow)
                    .where(DomainRow.site_id == site_id, DomainRow.name == name, DomainRow.status == DOMAIN_CLAIMED)
                    .values(status="verified")
                    .execution_options(synchronize_session=False)
                )
                if not getattr(won, "rowcount", 0):
                    return False  # no longer a claim (removed, lost or expired meanwhile)
                await session.execute(
                    update(DomainRow)
                    .where(DomainRow.name == name, DomainRow.site_id != site_id, DomainRow.status == DOMAIN_CLAIMED)
                    .values(status="lost")
                    .execution_options(synchronize_session=False)
                )
        except IntegrityError:
            await self.update(site_id, name, "lost", next_check_at=None, checked=True)
            return False
        await self.update(site_id, name, "verified", attempts=0, next_check_at=now, checked=True)
        return True

    async def expire_claims(self, claimed_before: datetime) -> list[DomainState]:
        """End every claim made before ``claimed_before`` and still unproven; returns them."""
        async with self._store._guard(), self._store.session() as session, session.begin():
            rows = list(
                await session.execute(
                    self._query().where(DomainRow.status == DOMAIN_CLAIMED, DomainRow.created_at < claimed_before)
                )
            )
            for domain, _slug, state in rows:
                domain.status = "expired"
                if state is not None:
                    state.next_check_at = None
            return [_state(row[0], row[1], row[2]) for row in rows]

    async def lose(self, site_id: int, name: str) -> DomainState | None:
        """Another site holds the name: end this site's claim on it."""
        return await self.update(site_id, name, "lost", next_check_at=None, checked=True)

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
        claimed_at=domain.created_at,
    )
