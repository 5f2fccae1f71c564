"""The dashboard's list of sites: what each one is (draft or online, address, domains), duplicate, delete.

The web has its own conversation per account (platform ``web``): creating a site from the
dashboard streams through ``Studio.describe`` on it, so a site made on the web has the same
versions, history and quota as one made in a chat. Publishing and unpublishing go through
``Studio.publish``/``unpublish`` with that conversation pointed at the chosen site.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from core.errors import ConcurrentChange, SiteOnline
from core.ports import HostingBackend
from core.storage.records import ConversationRecord, SiteRecord
from core.storage.store import Store, new_preview_token
from core.storage.tables import ConversationRow, SiteRow, UserRow

WEB = "web"


@dataclass(frozen=True)
class SiteSummary:
    """One line of the sites list (and its card)."""

    id: int
    name: str
    slug: str
    version: int
    online: bool
    url: str  # the published address, "" while a draft
    domains: tuple[str, ...]
    updated_at: datetime
    colours: tuple[str, str, str]  # background, primary, text: the rendered card
    tagline: str


class SiteAdmin:
    """Listing, duplicating and deleting an account's sites (the chat has no command for the last two)."""

    def __init__(self, store: Store, hosting: HostingBackend, preview_ttl: timedelta) -> None:
        self.store = store
        self.hosting = hosting
        self.preview_ttl = preview_ttl

    async def owned(self, owner_id: int, site_id: int) -> SiteRecord | None:
        """The site, if ``owner_id`` owns it; None for anyone else's (the web answers 404 either way)."""
        try:
            record = await self.store.site(site_id)
        except ConcurrentChange:  # the store's word for "no such site"
            return None
        return record if record.owner_id == owner_id else None

    async def conversation(self, owner_id: int, site_id: int | None = None) -> ConversationRecord:
        """The account's web conversation (made on first use), pointed at ``site_id`` when given."""
        async with self.store.session() as session, session.begin():
            row = await session.scalar(select(ConversationRow).where(
                ConversationRow.platform == WEB, ConversationRow.workspace == "", ConversationRow.chat_id == str(owner_id)))
            owner = await session.get(UserRow, owner_id)
            if row is None:
                row = ConversationRow(platform=WEB, workspace="", chat_id=str(owner_id), owner_id=owner_id,
                                      language=owner.language if owner else None)
                session.add(row)
                await session.flush()
            record = ConversationRecord(
                id=row.id, user_id=owner_id, plan=owner.plan if owner else "free",
                language=row.language or (owner.language if owner else None),  # type: ignore[arg-type]
                site_id=row.site_id,
            )
        return replace(record, site_id=site_id) if site_id is not None else record

    async def summaries(self, owner_id: int) -> list[SiteSummary]:
        async with self.store.session() as session:
            rows = list(await session.scalars(
                select(SiteRow).where(SiteRow.owner_id == owner_id).order_by(SiteRow.updated_at.desc(), SiteRow.id.desc())))
        found = []
        for row in rows:
            version = await self.store.version(row.id, row.current_version)
            online = await self.store.online_deployment(row.id)
            domains = tuple(d.name for d in await self.store.domains_of(row.id) if d.held)
            palette = version.site.theme.palette
            found.append(SiteSummary(
                id=row.id, name=row.name, slug=row.slug, version=row.current_version, online=online is not None,
                url=online.url if online is not None else "", domains=domains, updated_at=row.updated_at,
                colours=(palette.background, palette.primary, palette.text), tagline=version.site.tagline,
            ))
        return found

    async def duplicate(self, owner_id: int, site_id: int, name: str, label: str) -> SiteRecord:
        """A new draft from the current version of ``site_id`` (version 1 of its own history)."""
        record = await self.store.site(site_id)
        current = await self.store.version(site_id, record.current_version)
        site = current.site.model_copy(update={"name": name[:80]})
        conversation = await self.conversation(owner_id)
        return await self.store.create_site(conversation.id, owner_id, site, label, new_preview_token(), self.preview_ttl)

    async def delete(self, site_id: int) -> None:
        """Delete a draft (versions, domains and jobs go with it); an online site is taken offline first."""
        if await self.store.is_online(site_id):
            raise SiteOnline()
        record = await self.store.site(site_id)
        await self.hosting.forget(record.slug)
        async with self.store.session() as session, session.begin():
            await session.execute(delete(SiteRow).where(SiteRow.id == site_id))

