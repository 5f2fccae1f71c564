"""The store: every read and write Studio needs, as small transactional methods.

Concurrency rule: a site's current version only moves through a
compare-and-set (``expected`` version), so two chats changing the same site at
once can never silently overwrite each other; the loser gets
``ConcurrentChange`` and keeps its message to resend.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, String, and_, func, literal, select, union_all, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

from core.errors import ConcurrentChange, DomainTaken, StorageUnavailable
from core.i18n.locales import stored_locale
from core.site.site import Site
from core.site.values import Language
from core.slugs import is_reserved, slugify
from core.storage import version_codec
from core.storage.database import session_factory
from core.storage.image_tables import ImageUploadRow
from core.storage.records import (
    ChatRef,
    ConversationRecord,
    DeploymentRecord,
    DomainRecord,
    SiteRecord,
    VersionInfo,
    VersionRecord,
)
from core.storage.tables import (
    DOMAIN_CLAIMED,
    DOMAIN_ENDED,
    ChatIdentityRow,
    ConversationRow,
    DeploymentRow,
    DomainRow,
    SiteRow,
    SiteVersionRow,
    TurnRow,
    UsageEventRow,
    UserRow,
    utcnow,
)

_RETRIES = 5


def new_preview_token() -> str:
    """An unguessable preview token: 192 random bits."""
    return secrets.token_urlsafe(24)


def _language(value: str | None) -> Language | None:
    return stored_locale(value)


class Store:
    """Repository over the SQLAlchemy models; returns frozen records only."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._sessions: async_sessionmaker[AsyncSession] = session_factory(engine)

    def session(self) -> AsyncSession:
        return self._sessions()

    async def close(self) -> None:
        await self.engine.dispose()

    # -- conversations -------------------------------------------------------------

    async def conversation(self, chat: ChatRef, plan: str = "free") -> ConversationRecord:
        """The conversation for ``chat``, creating its user and identity on first contact."""
        for _attempt in range(_RETRIES):
            try:
                async with self._guard(), self.session() as session, session.begin():
                    user_id = await self._user_for(session, chat, plan)
                    row = await session.scalar(
                        select(ConversationRow).where(
                            ConversationRow.platform == chat.platform,
                            ConversationRow.workspace == chat.workspace,
                            ConversationRow.chat_id == chat.chat_id,
                        )
                    )
                    if row is None:
                        owner_id = await self._team_for(session, chat, plan) if chat.team else user_id
                        row = ConversationRow(
                            platform=chat.platform,
                            workspace=chat.workspace,
                            chat_id=chat.chat_id,
                            owner_id=owner_id,
                            language=chat.language,
                        )
                        session.add(row)
                        await session.flush()
                    owner = await session.get(UserRow, row.owner_id)
                    return ConversationRecord(
                        id=row.id,
                        user_id=row.owner_id,
                        plan=owner.plan if owner else plan,
                        language=_language(row.language),
                        site_id=row.site_id,
                        language_chosen=row.language_chosen,
                    )
            except IntegrityError:
                continue  # another process created the same identity a moment ago
        raise ConcurrentChange("conversation")

    async def _user_for(self, session: AsyncSession, chat: ChatRef, plan: str) -> int:
        identity = await session.scalar(
            select(ChatIdentityRow).where(
                ChatIdentityRow.platform == chat.platform,
                ChatIdentityRow.workspace == chat.workspace,
                ChatIdentityRow.external_id == chat.user_id,
            )
        )
        if identity is not None:
            return identity.user_id
        user = UserRow(display_name=chat.user_name, plan=plan, language=chat.language)
        session.add(user)
        await session.flush()
        session.add(
            ChatIdentityRow(
                user_id=user.id, platform=chat.platform, workspace=chat.workspace, external_id=chat.user_id
            )
        )
        await session.flush()
        return user.id

    async def _team_for(self, session: AsyncSession, chat: ChatRef, plan: str) -> int:
        """The team account of a shared chat (a Slack workspace, a Telegram group), made on first contact."""
        platform = f"{chat.platform}_team"
        identity = await session.scalar(
            select(ChatIdentityRow).where(
                ChatIdentityRow.platform == platform,
                ChatIdentityRow.workspace == chat.workspace,
                ChatIdentityRow.external_id == chat.team,
            )
        )
        if identity is not None:
            return identity.user_id
        team = UserRow(display_name=chat.team, plan=plan, kind="team")
        session.add(team)
        await session.flush()
        session.add(ChatIdentityRow(user_id=team.id, platform=platform, workspace=chat.workspace, external_id=chat.team))
        await session.flush()
        return team.id

    async def set_language(self, conversation_id: int, language: Language, *, chosen: bool = False) -> None:
        """Store the conversation's locale; ``chosen`` (by /language) keeps it from detection.

        The owner's account takes it too: the web pages speak the language of the last chat.
        """
        values: dict[str, Any] = {"language": language}
        if chosen:
            values["language_chosen"] = True
        async with self._guard(), self.session() as session, session.begin():
            await session.execute(update(ConversationRow).where(ConversationRow.id == conversation_id).values(**values))
            owner = select(ConversationRow.owner_id).where(ConversationRow.id == conversation_id).scalar_subquery()
            await session.execute(
                update(UserRow).where(UserRow.id == owner).values(language=language)
                .execution_options(synchronize_session=False)
            )

    async def set_active_site(self, conversation_id: int, site_id: int | None) -> None:
        async with self._guard(), self.session() as session, session.begin():
            await session.execute(
                update(ConversationRow).where(ConversationRow.id == conversation_id).values(site_id=site_id)
            )

    async def add_turn(self, conversation_id: int, role: str, text: str) -> None:
        async with self._guard(), self.session() as session, session.begin():
            session.add(TurnRow(conversation_id=conversation_id, role=role, text=text))

    async def recent_turns(self, conversation_id: int, limit: int = 20) -> list[tuple[str, str]]:
        async with self._guard(), self.session() as session:
            rows = await session.scalars(
                select(TurnRow)
                .where(TurnRow.conversation_id == conversation_id)
                .order_by(TurnRow.id.desc())
                .limit(limit)
            )
            return [(r.role, r.text) for r in reversed(list(rows))]

    # -- sites and versions --------------------------------------------------------

    async def create_site(
        self,
        conversation_id: int,
        owner_id: int,
        site: Site,
        instruction: str,
        preview_token: str,
        preview_ttl: timedelta,
    ) -> SiteRecord:
        """Store a new site with version 1 and make it the conversation's active site.

        The preview token is chosen before generation starts, so the live
        preview link can be shown while the first sections are still streaming.
        """
        base = slugify(site.name)
        for slug in _slug_candidates(base):
            try:
                async with self._guard(), self.session() as session, session.begin():
                    now = utcnow()
                    row = SiteRow(
                        owner_id=owner_id,
                        slug=slug,
                        name=site.name,
                        current_version=1,
                        head_version=1,
                        preview_token=preview_token,
                        preview_expires_at=now + preview_ttl,
                        created_at=now,
                        updated_at=now,
                    )
                    session.add(row)
                    await session.flush()
                    session.add(
                        SiteVersionRow(
                            site_id=row.id, number=1, parent_number=None, spec=_dump(site), delta=None,
                            instruction=instruction,
                        )
                    )
                    await session.execute(
                        update(ConversationRow).where(ConversationRow.id == conversation_id).values(site_id=row.id)
                    )
                    return _site_record(row)
            except IntegrityError:
                continue  # slug taken: try a suffixed one
        raise ConcurrentChange("slug")

    async def follow_name_in_slug(self, site_id: int) -> SiteRecord:
        """Before a site's first publish, make its address follow its current name.

        A site renamed while still a draft ("call it Zen Porto") should not go live at the
        address of the name it was generated with. Once published, or once a domain points at
        it, the address stays: links and DNS depend on it.
        """
        record = await self.site(site_id)
        base = slugify(record.name)
        if record.slug == base or record.slug.startswith(base + "-"):
            return record
        if await self.latest_deployment(site_id) is not None or await self.domains_of(site_id):
            return record
        for slug in _slug_candidates(base):
            try:
                async with self._guard(), self.session() as session, session.begin():
                    await session.execute(
                        update(SiteRow).where(SiteRow.id == site_id).values(slug=slug)
                        .execution_options(synchronize_session=False)
                    )
                return await self.site(site_id)
            except IntegrityError:
                continue  # taken by another site: try a suffixed one
        return record

    async def add_version(
        self, site_id: int, site: Site, instruction: str, expected: int, preview_ttl: timedelta
    ) -> SiteRecord:
        """Store ``site`` as the next version, if the current one is still ``expected``."""
        try:
            async with self._guard(), self.session() as session, session.begin():
                row = await session.get(SiteRow, site_id)
                if row is None:
                    raise ConcurrentChange("site vanished")
                number = row.head_version + 1
                now = utcnow()
                result = await session.execute(
                    update(SiteRow)
                    .where(
                        SiteRow.id == site_id,
                        SiteRow.current_version == expected,
                        SiteRow.head_version == row.head_version,
                    )
                    .values(
                        current_version=number,
                        head_version=number,
                        name=site.name,
                        updated_at=now,
                        preview_expires_at=now + preview_ttl,
                    )
                    .execution_options(synchronize_session=False)
                )
                if _rowcount(result) != 1:
                    raise ConcurrentChange("version moved")
                chain = await _chain(session, site_id, expected)
                parent = version_codec.decode_chain((r.spec, r.delta) for r in chain) if chain else None
                spec, delta = version_codec.encode(_dump(site), parent, len(chain) - 1)
                session.add(
                    SiteVersionRow(
                        site_id=site_id, number=number, parent_number=expected, spec=spec, delta=delta,
                        instruction=instruction,
                    )
                )
            return await self.site(site_id)
        except IntegrityError as exc:
            raise ConcurrentChange("version number taken") from exc

    async def move_current(self, site_id: int, to: int, expected: int, preview_ttl: timedelta) -> SiteRecord:
        """Point the site at an existing version (undo); versions themselves never change."""
        async with self._guard(), self.session() as session, session.begin():
            now = utcnow()
            chain = await _chain(session, site_id, to)
            if not chain:
                raise ConcurrentChange("version missing")
            spec = version_codec.decode_chain((r.spec, r.delta) for r in chain)
            result = await session.execute(
                update(SiteRow)
                .where(SiteRow.id == site_id, SiteRow.current_version == expected)
                .values(
                    current_version=to,
                    name=str(spec.get("name", "")),
                    updated_at=now,
                    preview_expires_at=now + preview_ttl,
                )
                .execution_options(synchronize_session=False)
            )
            if _rowcount(result) != 1:
                raise ConcurrentChange("version moved")
        return await self.site(site_id)

    async def site(self, site_id: int) -> SiteRecord:
        async with self._guard(), self.session() as session:
            row = await session.get(SiteRow, site_id)
            if row is None:
                raise ConcurrentChange("site vanished")
            return _site_record(row)

    async def site_by_token(self, token: str) -> SiteRecord | None:
        return await self._site_where(SiteRow.preview_token == token)

    async def site_by_slug(self, slug: str) -> SiteRecord | None:
        return await self._site_where(SiteRow.slug == slug)

    async def _site_where(self, condition: Any) -> SiteRecord | None:
        async with self._guard(), self.session() as session:
            row = await session.scalar(select(SiteRow).where(condition))
            return _site_record(row) if row is not None else None

    async def version(self, site_id: int, number: int) -> VersionRecord:
        """One version, read back from its snapshot through its edits (one query)."""
        async with self._guard(), self.session() as session:
            chain = await _chain(session, site_id, number)
            if not chain:
                raise ConcurrentChange("version missing")
            return _version_record(chain[-1], version_codec.decode_chain((r.spec, r.delta) for r in chain))

    async def versions(self, site_id: int) -> list[VersionRecord]:
        """Every version of a site, sites included (an export, a gallery's history)."""
        async with self._guard(), self.session() as session:
            rows = list(
                await session.scalars(
                    select(SiteVersionRow).where(SiteVersionRow.site_id == site_id).order_by(SiteVersionRow.number)
                )
            )
            specs = version_codec.decode_all((r.number, r.parent_number, r.spec, r.delta) for r in rows)
            return [_version_record(r, specs[r.number]) for r in rows]

    async def version_info(self, site_id: int, number: int) -> VersionInfo:
        """One version's number, parent, words and time, without reading its site back."""
        async with self._guard(), self.session() as session:
            row = (await session.execute(
                select(SiteVersionRow.parent_number, SiteVersionRow.instruction, SiteVersionRow.created_at)
                .where(SiteVersionRow.site_id == site_id, SiteVersionRow.number == number)
            )).first()
            if row is None:
                raise ConcurrentChange("version missing")
            return VersionInfo(site_id, number, row.parent_number, row.instruction, row.created_at)

    async def version_list(self, site_id: int) -> list[VersionInfo]:
        """Every version's number, parent, words and time, without the sites (/history, /redo)."""
        async with self._guard(), self.session() as session:
            rows = await session.execute(
                select(
                    SiteVersionRow.number,
                    SiteVersionRow.parent_number,
                    SiteVersionRow.instruction,
                    SiteVersionRow.created_at,
                )
                .where(SiteVersionRow.site_id == site_id)
                .order_by(SiteVersionRow.number)
            )
            return [VersionInfo(site_id, n, p, i, t) for n, p, i, t in rows.all()]

    # -- deployments and domains ---------------------------------------------------

    async def add_deployment(
        self, site_id: int, version: int, backend: str, status: str, url: str, release: str, error: str = ""
    ) -> DeploymentRecord:
        async with self._guard(), self.session() as session, session.begin():
            row = DeploymentRow(
                site_id=site_id, version=version, backend=backend, status=status, url=url, release=release, error=error
            )
            session.add(row)
            await session.flush()
            return _deployment_record(row)

    async def latest_deployment(self, site_id: int) -> DeploymentRecord | None:
        async with self._guard(), self.session() as session:
            row = await session.scalar(
                select(DeploymentRow)
                .where(DeploymentRow.site_id == site_id, DeploymentRow.status == "live")
                .order_by(DeploymentRow.id.desc())
                .limit(1)
            )
            return _deployment_record(row) if row is not None else None

    async def online_deployment(self, site_id: int) -> DeploymentRecord | None:
        """The release online now: the last publish or unpublish, if it was a publish (what /history shows)."""
        async with self._guard(), self.session() as session:
            row = await session.scalar(
                select(DeploymentRow)
                .where(DeploymentRow.site_id == site_id, DeploymentRow.status.in_(("live", "removed")))
                .order_by(DeploymentRow.id.desc())
                .limit(1)
            )
            return _deployment_record(row) if row is not None and row.status == "live" else None

    async def is_online(self, site_id: int) -> bool:
        """Whether the site's last publish or unpublish left it online."""
        return await self._online_sites(DeploymentRow.site_id == site_id) == 1

    async def published_site_count(self, owner_id: int) -> int:
        """Sites of ``owner_id`` online now (what the published-sites limit counts)."""
        return await self._online_sites(SiteRow.owner_id == owner_id)

    async def _online_sites(self, *where: ColumnElement[bool]) -> int:
        """Sites matching ``where`` whose last publish or unpublish was a publish."""
        async with self._guard(), self.session() as session:
            return int(await session.scalar(_online_count(*where)) or 0)

    async def attached_domain_count(self, owner_id: int) -> int:
        """Custom domains attached to ``owner_id``'s sites now, claims included (a removed, lost or
        expired one frees its place)."""
        async with self._guard(), self.session() as session:
            return int(await session.scalar(_domain_count(owner_id)) or 0)

    async def attach_domain(self, site_id: int, name: str, status: str) -> tuple[DomainRecord, bool]:
        """Attach (or claim, with ``pending_dns``) ``name`` for the site; returns (record, created).

        Refused (``DomainTaken``) only when another site *holds* the name; other
        sites' unproven claims do not stand in the way (see ``DomainRow``). This
        site's own lost or expired claim starts again as a new one.
        """
        try:
            async with self._guard(), self.session() as session, session.begin():
                held = await session.scalar(select(DomainRow).where(DomainRow.name == name, _held()))
                if held is not None and held.site_id != site_id:
                    raise DomainTaken(name, domain=name)
                mine = await session.scalar(select(DomainRow).where(DomainRow.site_id == site_id, DomainRow.name == name))
                if mine is not None and mine.status not in DOMAIN_ENDED:
                    return _domain_record(mine), False
                if mine is not None:  # asked again after losing or letting the claim expire: a fresh claim
                    mine.status, mine.created_at = status, utcnow()
                    await session.flush()
                    return _domain_record(mine), True
                row = DomainRow(
                    site_id=site_id, name=name, status=status, token=secrets.token_urlsafe(24), created_at=utcnow()
                )
                session.add(row)
                await session.flush()
                return _domain_record(row), True
        except IntegrityError as exc:  # another site came to hold it meanwhile
            raise DomainTaken(name, domain=name) from exc

    async def domains_of(self, site_id: int) -> list[DomainRecord]:
        async with self._guard(), self.session() as session:
            rows = await session.scalars(select(DomainRow).where(DomainRow.site_id == site_id).order_by(DomainRow.id))
            return [_domain_record(r) for r in rows]

    async def site_for_domain(self, name: str) -> SiteRecord | None:
        """The site that holds ``name`` (an unproven claim serves nothing)."""
        async with self._guard(), self.session() as session:
            row = await session.scalar(
                select(SiteRow).join(DomainRow, DomainRow.site_id == SiteRow.id).where(DomainRow.name == name, _held())
            )
            return _site_record(row) if row is not None else None

    # -- usage ---------------------------------------------------------------------

    async def record_usage(self, events: list[tuple[int, int | None, str, int, datetime]]) -> None:
        """Store usage events (user, site, metric, quantity, when) in one transaction."""
        if not events:
            return
        try:
            async with self._guard(), self.session() as session, session.begin():
                session.add_all(
                    UsageEventRow(user_id=u, site_id=s, metric=m, quantity=q, created_at=t) for u, s, m, q, t in events
                )
        except IntegrityError:
            # An account (or site) was deleted while its usage waited in a buffer: that usage goes
            # with it; everyone else's is stored.
            async with self._guard(), self.session() as session, session.begin():
                users = set(await session.scalars(select(UserRow.id).where(UserRow.id.in_({e[0] for e in events}))))
                sites = set(await session.scalars(select(SiteRow.id).where(SiteRow.id.in_({e[1] for e in events if e[1]}))))
                session.add_all(
                    UsageEventRow(user_id=u, site_id=s if s in sites else None, metric=m, quantity=q, created_at=t)
                    for u, s, m, q, t in events if u in users
                )

    async def usage_totals(self, user_id: int, since: datetime, until: datetime) -> dict[str, int]:
        async with self._guard(), self.session() as session:
            rows = await session.execute(
                select(UsageEventRow.metric, func.sum(UsageEventRow.quantity))
                .where(
                    UsageEventRow.user_id == user_id,
                    UsageEventRow.created_at >= since,
                    UsageEventRow.created_at < until,
                )
                .group_by(UsageEventRow.metric)
            )
            return {metric: int(total or 0) for metric, total in rows.all()}

    async def quota_figures(self, user_id: int, since: datetime, until: datetime) -> dict[str, int]:
        """What a quota check counts, in one round trip: the period's usage totals by metric, and
        what exists now (sites online, domains attached, bytes of images stored).

        A quota check runs before every generation and publish; as five queries it was most of
        a refinement's database time on a loaded server (bench/db_scale.py).
        """
        totals = (
            select(UsageEventRow.metric, func.sum(UsageEventRow.quantity))
            .where(UsageEventRow.user_id == user_id, UsageEventRow.created_at >= since, UsageEventRow.created_at < until)
            .group_by(UsageEventRow.metric)
        )
        stored = select(func.coalesce(func.sum(ImageUploadRow.bytes), 0)).where(ImageUploadRow.owner_id == user_id)
        counted_now = {
            "published_sites": _online_count(SiteRow.owner_id == user_id),
            "domains": _domain_count(user_id),
            "storage": stored,
        }
        query = union_all(
            totals, *(select(literal(name, String(40)), count.scalar_subquery()) for name, count in counted_now.items())
        )
        async with self._guard(), self.session() as session:
            rows = (await session.execute(query)).all()
        figures = {name: 0 for name in counted_now}
        figures.update({str(metric): int(total or 0) for metric, total in rows})
        return figures

    async def usage_by_site(
        self, user_id: int, since: datetime, until: datetime, metrics: tuple[str, ...]
    ) -> dict[tuple[int, str], dict[str, int]]:
        """Per-site totals of ``metrics`` for the user's sites: {(site_id, name): {metric: total}}."""
        async with self._guard(), self.session() as session:
            rows = await session.execute(
                select(SiteRow.id, SiteRow.name, UsageEventRow.metric, func.sum(UsageEventRow.quantity))
                .join(SiteRow, SiteRow.id == UsageEventRow.site_id)
                .where(
                    UsageEventRow.user_id == user_id,
                    UsageEventRow.metric.in_(metrics),
                    UsageEventRow.created_at >= since,
                    UsageEventRow.created_at < until,
                )
                .group_by(SiteRow.id, SiteRow.name, UsageEventRow.metric)
                .order_by(SiteRow.id)
            )
            found: dict[tuple[int, str], dict[str, int]] = {}
            for site_id, name, metric, total in rows.all():
                found.setdefault((site_id, name), {})[metric] = int(total or 0)
            return found

    # -- failure mapping -----------------------------------------------------------

    def _guard(self) -> _StorageGuard:
        return _StorageGuard()


class _StorageGuard:
    """Maps a lost database connection into ``StorageUnavailable`` at this boundary."""

    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, exc_type: Any, exc: BaseException | None, _tb: Any) -> None:
        if isinstance(exc, (OperationalError, InterfaceError, OSError, ConnectionError)):
            raise StorageUnavailable(type(exc).__name__) from exc


def _online_count(*where: ColumnElement[bool]) -> Select[int]:
    """How many sites matching ``where`` are online: their last publish or unpublish was a publish."""
    last = (
        select(func.max(DeploymentRow.id).label("id"))
        .join(SiteRow, SiteRow.id == DeploymentRow.site_id)
        .where(DeploymentRow.status.in_(("live", "removed")), *where)
        .group_by(DeploymentRow.site_id)
        .subquery()
    )
    return (
        select(func.count()).select_from(DeploymentRow).join(last, last.c.id == DeploymentRow.id)
        .where(DeploymentRow.status == "live")
    )


def _domain_count(owner_id: int) -> Select[int]:
    return (
        select(func.count(DomainRow.id)).join(SiteRow, SiteRow.id == DomainRow.site_id)
        .where(SiteRow.owner_id == owner_id, DomainRow.status.not_in(DOMAIN_ENDED))
    )


def _held() -> ColumnElement[bool]:
    """A domain row that holds its name: proven by DNS, or attached where no proof is asked."""
    return DomainRow.status.not_in((DOMAIN_CLAIMED, *DOMAIN_ENDED))


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def _dump(site: Site) -> dict[str, Any]:
    return site.model_dump(mode="json")


def _site_record(row: SiteRow) -> SiteRecord:
    return SiteRecord(
        id=row.id,
        owner_id=row.owner_id,
        slug=row.slug,
        name=row.name,
        current_version=row.current_version,
        head_version=row.head_version,
        preview_token=row.preview_token,
        preview_expires_at=row.preview_expires_at,
    )


async def _chain(session: AsyncSession, site_id: int, number: int) -> list[Any]:
    """Version ``number`` and its parents back to the nearest snapshot, the snapshot first.

    One recursive query along (site_id, number); the chain is at most
    ``version_codec.SNAPSHOT_EVERY`` rows. Empty when the version does not exist.
    """
    version = aliased(SiteVersionRow)
    columns = (SiteVersionRow.number, SiteVersionRow.parent_number, SiteVersionRow.spec, SiteVersionRow.delta,
               SiteVersionRow.instruction, SiteVersionRow.created_at)
    chain = (
        select(*columns, SiteVersionRow.site_id)
        .where(SiteVersionRow.site_id == site_id, SiteVersionRow.number == number)
        .cte("chain", recursive=True)
    )
    chain = chain.union_all(
        select(version.number, version.parent_number, version.spec, version.delta, version.instruction,
               version.created_at, version.site_id)
        .join(chain, and_(version.site_id == chain.c.site_id, version.number == chain.c.parent_number))
        .where(chain.c.spec.is_(None))
    )
    rows = await session.execute(select(chain).order_by(chain.c.number))
    return list(rows.all())


def _version_record(row: Any, spec: dict[str, Any]) -> VersionRecord:
    return VersionRecord(
        site_id=row.site_id,
        number=row.number,
        parent_number=row.parent_number,
        instruction=row.instruction,
        created_at=row.created_at,
        site=Site.model_validate(spec, context={"stored": True}),  # valid when written: see Site._within_budget
    )


def _deployment_record(row: DeploymentRow) -> DeploymentRecord:
    return DeploymentRecord(
        id=row.id,
        site_id=row.site_id,
        version=row.version,
        backend=row.backend,
        status=row.status,
        url=row.url,
        release=row.release,
        created_at=row.created_at,
    )


def _domain_record(row: DomainRow) -> DomainRecord:
    return DomainRecord(site_id=row.site_id, name=row.name, status=row.status, token=row.token)


def _slug_candidates(base: str) -> Iterator[str]:
    """The name's slug first (unless the platform keeps it), then suffixed ones, for as many tries
    as a taken slug may need."""
    if not is_reserved(base):
        yield base
    for _ in range(_RETRIES * 2 - 1):
        yield f"{base}-{secrets.token_hex(2)}"
