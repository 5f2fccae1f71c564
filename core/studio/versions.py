"""Versions: undo and redo move the current pointer, history lists versions and audit rows."""

from __future__ import annotations

from collections.abc import AsyncIterator

from core.errors import NothingToRedo, NothingToUndo
from core.events import (
    Event,
    HistoryEntry,
    HistoryReport,
    PreviewReady,
    Reply,
)
from core.i18n.formatting import moment
from core.messages import say, say_plural
from core.site.values import Language
from core.storage.audit import AuditRecord
from core.storage.records import ConversationRecord, SiteRecord
from core.studio.base import StudioBase


class VersionsFlow(StudioBase):
    """Undo, redo, history and starting over: versions are immutable, a pointer moves."""

    # -- versions --------------------------------------------------------------------

    async def undo(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        """Go back to the version the current one was made from; versions are never rewritten."""
        record = await self._site_of(conversation)
        current = await self.store.version(record.id, record.current_version)
        if current.parent_number is None:
            raise NothingToUndo()
        yield await self._move_to(record, current.parent_number, "preview_ready_undo", language)

    async def redo(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        """Go forward to the newest version made from the current one: what /undo left behind,
        or, after an undo and a new change, that newest branch."""
        record = await self._site_of(conversation)
        children = [v for v in await self.store.version_list(record.id) if v.parent_number == record.current_version]
        if not children:
            raise NothingToRedo()
        newest = max(children, key=lambda v: v.number)
        yield await self._move_to(record, newest.number, "preview_ready_redo", language)

    async def _move_to(self, record: SiteRecord, number: int, message: str, language: Language) -> PreviewReady:
        """Point the site at version ``number`` (if nobody moved it meanwhile) and refresh the preview."""
        record = await self.store.move_current(
            record.id, number, expected=record.current_version, preview_ttl=self.config.preview_ttl
        )
        await self.previews.draft_finished(record.preview_token)
        url = self.previews.preview_url(record.preview_token)
        return PreviewReady(
            url=url,
            version=record.current_version,
            site_name=record.name,
            changed_sections=(),
            text=say(language, message, version=record.current_version, url=url),
        )

    async def history(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        record = await self._site_of(conversation)
        versions = await self.store.version_list(record.id)
        entries = tuple(
            HistoryEntry(v.number, v.instruction, v.created_at, v.number == record.current_version)
            for v in versions
        )
        lines = [say_plural(language, "history_header", len(entries), name=record.name)]
        live = await self.store.online_deployment(record.id)
        if live is not None:
            lines.append(say(language, "history_live", version=live.version, url=live.url))
        else:
            lines.append(say(language, "history_offline"))
        for entry in entries:
            instruction = entry.instruction if len(entry.instruction) <= 70 else entry.instruction[:69] + "…"
            lines.append(
                say(
                    language,
                    "history_line",
                    marker="→" if entry.current else " ",
                    version=entry.version,
                    when=moment(entry.created_at, language),
                    instruction=instruction or "—",
                )
            )
        changes = await self.audit.for_site(record.id, limit=20)
        if changes:
            lines.append(say(language, "history_audit_header"))
            lines.extend(_audit_line(change, language) for change in changes)
        yield HistoryReport(entries, "\n".join(lines))

    async def new(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        await self.store.set_active_site(conversation.id, None)
        yield Reply(say(language, "new_site"), kind="new")


def _audit_line(change: AuditRecord, language: Language) -> str:
    who = f"{change.platform}:{change.actor}" if change.platform else "—"
    return say(
        language,
        "history_audit_line",
        when=moment(change.created_at, language),
        action=say(language, f"audit_{change.action}"),
        detail=change.detail,
        who=who,
    )
