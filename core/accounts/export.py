"""``/export``: a zip of everything stored about an account.

    account.json                      the account, its identities, plan, two-factor on/off, its passkeys (name, dates)
    sites/<slug>/site.json            the current version
    sites/<slug>/versions/<n>.json    every version (site.json form, with the instruction that made it)
    sites/<slug>/domains.json         attached domains and deployments
    sites/<slug>/analytics.json       the site's visitors, page views, requests and bytes per day (no visitor data)
    images/<hash>/<variant>           every image the account sent, every size kept
    conversations/<id>.json           every conversation the account owns, turn by turn
    usage.json                        every usage event
    invoices.json                     the billing provider's invoices (number, status, amount, link)
    audit.json                        the account's audit trail

Secrets (token hashes, the TOTP secret, recovery codes) are never exported.
"""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select

from core.accounts.directory import AccountDirectory
from core.accounts.tables import PasskeyRow
from core.ports import AccountBillingPort
from core.storage import version_codec
from core.storage.audit import AuditRow
from core.storage.site_days import SiteDayRow
from core.storage.store import Store
from core.storage.tables import (
    ConversationRow,
    DeploymentRow,
    DomainRow,
    SiteRow,
    SiteVersionRow,
    TurnRow,
    UsageEventRow,
)


class AccountImages(Protocol):
    """Where an account's images are kept (the image store): what an export carries and a deletion removes."""

    async def files_of(self, user_id: int) -> Mapping[str, bytes]:
        """Every image file of the account, by path inside the export (``images/<hash>/<variant>``)."""
        ...

    async def forget(self, user_id: int) -> int:
        """Remove the account's images that no other account uses; returns how many."""
        ...


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, default=_plain).encode("utf-8")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


class AccountExport:
    def __init__(
        self, store: Store, directory: AccountDirectory, billing: AccountBillingPort | None = None,
        images: AccountImages | None = None,
    ) -> None:
        self.store = store
        self.directory = directory
        self.billing = billing
        self.images = images

    async def files(self, user_id: int, two_factor: bool = False) -> dict[str, bytes]:
        """The export as {path: bytes}; ``zip`` packs it."""
        files: dict[str, bytes] = {}
        account = await self.directory.account(user_id)
        identities = await self.directory.identities(user_id)
        async with self.store._guard(), self.store.session() as session:
            passkeys = list(await session.scalars(select(PasskeyRow).where(PasskeyRow.user_id == user_id).order_by(PasskeyRow.id)))
        files["account.json"] = _json({
            "account": asdict(account) if account else None,
            "identities": [asdict(i) for i in identities],
            "two_factor": two_factor,
            # the public key and counter are the authenticator's, of no use to anyone else: named and dated
            "passkeys": [{"name": k.name, "created_at": k.created_at, "last_used_at": k.last_used_at} for k in passkeys],
        })
        async with self.store._guard(), self.store.session() as session:
            sites = list(await session.scalars(select(SiteRow).where(SiteRow.owner_id == user_id).order_by(SiteRow.id)))
            for site in sites:
                base = f"sites/{site.slug}"
                versions = list(await session.scalars(
                    select(SiteVersionRow).where(SiteVersionRow.site_id == site.id).order_by(SiteVersionRow.number)
                ))
                specs = version_codec.decode_all((v.number, v.parent_number, v.spec, v.delta) for v in versions)
                for version in versions:  # stored as edits: each one whole in the export
                    files[f"{base}/versions/{version.number}.json"] = _json(
                        {"number": version.number, "parent": version.parent_number, "instruction": version.instruction,
                         "created_at": version.created_at, "site": specs[version.number]}
                    )
                    if version.number == site.current_version:
                        files[f"{base}/site.json"] = _json(specs[version.number])
                domains = await session.scalars(select(DomainRow).where(DomainRow.site_id == site.id))
                deployments = await session.scalars(select(DeploymentRow).where(DeploymentRow.site_id == site.id))
                files[f"{base}/domains.json"] = _json({
                    "slug": site.slug, "name": site.name, "current_version": site.current_version,
                    "domains": [{"name": d.name, "status": d.status, "created_at": d.created_at} for d in domains],
                    "deployments": [{"version": d.version, "status": d.status, "url": d.url, "created_at": d.created_at}
                                    for d in deployments],
                })
                days = await session.scalars(select(SiteDayRow).where(SiteDayRow.site_id == site.id).order_by(SiteDayRow.day))
                files[f"{base}/analytics.json"] = _json([
                    {"day": d.day.isoformat(), "requests": d.requests, "views": d.views, "visitors": d.visitors,
                     "bytes": d.bytes, "statuses": d.classes, "pages": d.pages, "referrers": d.referrers}
                    for d in days
                ])
            conversations = await session.scalars(select(ConversationRow).where(ConversationRow.owner_id == user_id))
            for conversation in conversations:
                turns = await session.scalars(
                    select(TurnRow).where(TurnRow.conversation_id == conversation.id).order_by(TurnRow.id)
                )
                files[f"conversations/{conversation.id}.json"] = _json({
                    "platform": conversation.platform, "chat": conversation.chat_id, "language": conversation.language,
                    "created_at": conversation.created_at,
                    "turns": [{"role": t.role, "text": t.text, "at": t.created_at} for t in turns],
                })
            usage = await session.scalars(select(UsageEventRow).where(UsageEventRow.user_id == user_id).order_by(UsageEventRow.id))
            files["usage.json"] = _json([
                {"metric": u.metric, "quantity": u.quantity, "site_id": u.site_id, "at": u.created_at} for u in usage
            ])
            audit = await session.scalars(select(AuditRow).where(AuditRow.user_id == user_id).order_by(AuditRow.id))
            files["audit.json"] = _json([
                {"action": a.action, "detail": a.detail, "site_id": a.site_id, "platform": a.platform, "at": a.created_at}
                for a in audit
            ])
        invoices = await self.billing.invoices(user_id) if self.billing is not None else []
        files["invoices.json"] = _json([asdict(i) for i in invoices])
        if self.images is not None:
            files.update(await self.images.files_of(user_id))
        return files

    async def zip(self, user_id: int, two_factor: bool = False) -> bytes:
        files = await self.files(user_id, two_factor)
        return await asyncio.to_thread(_pack, files)


def _pack(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
    return buffer.getvalue()
