"""After a restore: every site that was online gets its service and route back, from the database.

A site is online when its last publish or unpublish was a publish. Its live version is published
again through the hosting backend in use (``swarm``: image built and pushed, service created,
route written with its proven domains; ``local``: the release folder written), exactly as a
publish job does it, but without recording a new deployment or a publish in usage: the restored
database already says what was published, and restoring is not the owner publishing again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from core.errors import PageMagicError
from core.ports import HostingBackend, PublishTarget
from core.storage.store import Store
from core.storage.tables import DeploymentRow

log = logging.getLogger("pagemagic.backup")


@dataclass(frozen=True)
class Redeployed:
    slug: str
    version: int
    error: str = ""


async def online_sites(store: Store) -> list[tuple[int, int]]:
    """(site id, live version) of every site whose last publish or unpublish was a publish."""
    last = (
        select(func.max(DeploymentRow.id).label("id"))
        .where(DeploymentRow.status.in_(("live", "removed")))
        .group_by(DeploymentRow.site_id)
        .subquery()
    )
    query = (
        select(DeploymentRow.site_id, DeploymentRow.version)
        .join(last, last.c.id == DeploymentRow.id)
        .where(DeploymentRow.status == "live")
        .order_by(DeploymentRow.site_id)
    )
    async with store.session() as session:
        return [(int(site), int(version)) for site, version in (await session.execute(query)).all()]


async def redeploy(
    store: Store, backend: HostingBackend, plan_of: Callable[[int], Awaitable[str]]
) -> list[Redeployed]:
    async def quiet(_state: str, _detail: str) -> None:
        return None

    done: list[Redeployed] = []
    for site_id, number in await online_sites(store):
        record = await store.site(site_id)
        version = await store.version(site_id, number)
        domains = tuple(d.name for d in await store.domains_of(site_id) if d.status != "pending_dns")
        target = PublishTarget(record.id, record.slug, number, await plan_of(record.owner_id), domains)
        try:
            await backend.publish(target, version.site, quiet)
        except (PageMagicError, OSError) as error:
            reason = error.detail or error.code if isinstance(error, PageMagicError) else str(error)
            log.warning("restore: %s v%s not re-created: %s", record.slug, number, reason)
            done.append(Redeployed(record.slug, number, reason))
            continue
        done.append(Redeployed(record.slug, number))
    return done
