"""Edits made on the page (the dashboard's visual editor): the same versions, undo and conflict rule as the chat.

A change made by tapping a heading is a list of ``core.site.edits`` operations applied to
the version the page showed (``expected``); the result is validated as a whole (the site
schema) and stored as the next version, with a label the chat's ``/history`` shows. When
the site moved meanwhile (a chat refinement, another tab), ``ConcurrentChange`` is raised
and nothing is stored: the page reloads the newest version and the person makes the change
again, exactly as a chat message that lost the race is asked to retry.
"""

from __future__ import annotations

from datetime import timedelta

from core.errors import ConcurrentChange, InvalidSpec, NothingToRedo, NothingToUndo
from core.ports import PreviewChannel
from core.site.edits import Edit, apply_edits
from core.site.site import Site
from core.storage.images import ImageUploads
from core.storage.records import SiteRecord, VersionRecord
from core.storage.store import Store


class PageEdits:
    """``Studio.page_edits``: what the visual editor changes, held apart from the chat flows."""

    def __init__(self, store: Store, previews: PreviewChannel, preview_ttl: timedelta) -> None:
        self.store = store
        self.previews = previews
        self.preview_ttl = preview_ttl

    async def current(self, site_id: int) -> tuple[SiteRecord, VersionRecord]:
        record = await self.store.site(site_id)
        return record, await self.store.version(site_id, record.current_version)

    async def apply(
        self, owner_id: int, site_id: int, edits: list[Edit], expected: int, label: str, current: VersionRecord | None = None
    ) -> SiteRecord:
        """Apply ``edits`` to version ``expected``; a new version, or ``ConcurrentChange`` if the site moved.

        ``current`` is that version when the caller read it already (the store's conditional update
        still refuses the write if the site moved since)."""
        if current is None or current.number != expected:
            record = await self.store.site(site_id)
            if record.current_version != expected:
                raise ConcurrentChange("version moved")
            current = await self.store.version(site_id, expected)
        site, _ = apply_edits(current.site, edits)
        await self._check_images(owner_id, current.site, site)
        if site == current.site:
            return await self.store.site(site_id)
        record = await self.store.add_version(site_id, site, label[:500], expected=expected, preview_ttl=self.preview_ttl)
        await self.previews.draft_finished(record.preview_token)  # open previews reload
        return record

    async def undo(self, site_id: int, expected: int) -> SiteRecord:
        record = await self.store.site(site_id)
        current = await self.store.version(site_id, record.current_version)
        if record.current_version != expected:
            raise ConcurrentChange("version moved")
        if current.parent_number is None:
            raise NothingToUndo()
        return await self._move(record, current.parent_number)

    async def redo(self, site_id: int, expected: int) -> SiteRecord:
        record = await self.store.site(site_id)
        if record.current_version != expected:
            raise ConcurrentChange("version moved")
        children = [v for v in await self.store.versions(site_id) if v.parent_number == record.current_version]
        if not children:
            raise NothingToRedo()
        return await self._move(record, max(children, key=lambda v: v.number).number)

    async def restore(self, owner_id: int, site_id: int, number: int, expected: int, label: str) -> SiteRecord:
        """Back to an older version from the timeline: stored as a new version (nothing in between is lost)."""
        old = await self.store.version(site_id, number)
        record = await self.store.site(site_id)
        if record.current_version != expected:
            raise ConcurrentChange("version moved")
        current = await self.store.version(site_id, expected)
        if old.site == current.site:
            return record
        record = await self.store.add_version(site_id, old.site, label[:500], expected=expected, preview_ttl=self.preview_ttl)
        await self.previews.draft_finished(record.preview_token)
        return record

    async def _move(self, record: SiteRecord, number: int) -> SiteRecord:
        moved = await self.store.move_current(record.id, number, expected=record.current_version, preview_ttl=self.preview_ttl)
        await self.previews.draft_finished(moved.preview_token)
        return moved

    async def _check_images(self, owner_id: int, before: Site, after: Site) -> None:
        """An edit may only add images the owner sent (as in a chat refinement)."""
        added = {i.hash for i in after.images} - {i.hash for i in before.images}
        if added and added - await ImageUploads(self.store).owned(owner_id, added):
            raise InvalidSpec("$.images", "an edit named an image nobody sent")
