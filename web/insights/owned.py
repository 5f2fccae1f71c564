"""A site of the signed-in account, or nothing: the one ownership check every site page makes."""

from __future__ import annotations

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response

from core.messages import say
from core.storage.tables import SiteRow
from web.pages.guard import Visitor
from web.rendering import render


async def owned_site(visitor: Visitor, site_id: int) -> SiteRow | None:
    async with visitor.web.accounts.store.session() as session:
        site = await session.get(SiteRow, site_id)
    return site if site is not None and site.owner_id == visitor.account.id else None


async def owned_sites(visitor: Visitor) -> list[SiteRow]:
    async with visitor.web.accounts.store.session() as session:
        return list(await session.scalars(select(SiteRow).where(SiteRow.owner_id == visitor.account.id).order_by(SiteRow.id)))


def site_id_of(request: Request) -> int:
    return int(request.path_params["site_id"])


def not_found(visitor: Visitor) -> Response:
    """The same answer for a site of another account as for one that never existed."""
    return render("message.html", visitor.locale, status=404, csrf=visitor.session.csrf,
                  text=say(visitor.locale, "web_ins_not_found"), back="/account")
