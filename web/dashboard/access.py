"""Who may open a site's pages: a signed-in account that owns it. Anyone else gets 404 (not 403), so a
site id tells nothing about whether it exists; every change also carries the session's CSRF secret."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from core.errors import PageMagicError
from core.messages import say
from core.storage.records import SiteRecord
from core.studio.site_admin import SiteAdmin
from web.pages.guard import Visitor, changing, signed_in
from web.rendering import render
from web.security import secured
from web.session_cookies import csrf_ok


@dataclass(frozen=True)
class OwnSite:
    visitor: Visitor
    site: SiteRecord


def admin(visitor: Visitor) -> SiteAdmin:
    studio = visitor.web.studio
    return SiteAdmin(studio.store, studio.hosting, studio.config.preview_ttl)


def not_found(visitor: Visitor | None = None, as_json: bool = False) -> Response:
    if as_json:
        return secured(JSONResponse({"error": "not found"}, status_code=404))
    locale = visitor.locale if visitor else "en"
    return render("message.html", locale, status=404, csrf="", text=say(locale, "edge_not_found_title"), back="/app/")


async def _owned(request: Request, visitor: Visitor | Response, as_json: bool) -> OwnSite | Response:
    if not isinstance(visitor, Visitor):
        return visitor
    try:
        site_id = int(request.path_params["site_id"])
    except (KeyError, ValueError):
        return not_found(visitor, as_json)
    record = await admin(visitor).owned(visitor.account.id, site_id)
    if record is None:
        return not_found(visitor, as_json)
    return OwnSite(visitor, record)


async def reading(request: Request, as_json: bool = False) -> OwnSite | Response:
    """GET: signed in and the owner."""
    return await _owned(request, await signed_in(request), as_json)


async def changing_site(request: Request, as_json: bool = True) -> OwnSite | Response:
    """POST with a form or JSON body: signed in, the CSRF secret, and the owner."""
    return await _owned(request, await changing(request), as_json)


async def uploading(request: Request) -> OwnSite | Response:
    """POST of raw file bytes: the CSRF secret comes in the header (the body is the file)."""
    visitor = await signed_in(request)
    if isinstance(visitor, Visitor) and not csrf_ok(request, visitor.web, {}, visitor.session.csrf):
        return secured(JSONResponse({"error": "csrf"}, status_code=403))
    return await _owned(request, visitor, True)


def failure(visitor: Visitor, error: PageMagicError, status: int = 400, **extra: Any) -> Response:
    """A refused change in the person's language (the same sentences as the chat's)."""
    text = visitor.web.studio._failed(error, visitor.locale).text
    return secured(JSONResponse({"error": text, "code": error.code, **extra}, status_code=status))
