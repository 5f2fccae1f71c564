"""``/api/v1``: list sites, publish one, read usage; the OpenAPI document at ``/api/v1/openapi.json``.

Every request carries ``Authorization: Bearer pm_…`` (made on the account page, scoped
``read`` or ``read publish``). Bad tokens are counted per client address. Errors are
``{"error": code, "message": text}`` with the same codes and sentences as the chats.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core.accounts.attempts import API_TOKEN
from core.accounts.records import ApiTokenRecord
from core.errors import ConcurrentChange, NoSiteYet, PageMagicError
from core.events import Failed, Published, PublishProgress, Reply
from core.i18n.locales import stored_locale
from core.storage.records import ChatRef
from core.storage.tables import SiteRow
from web.context import Web
from web.security import client_address

SCHEMA = json.loads((Path(__file__).with_name("openapi.json")).read_text())


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers={"Cache-Control": "no-store"})


async def _token(request: Request, web: Web, scope: str) -> ApiTokenRecord | JSONResponse:
    address = client_address(request)
    try:
        await web.accounts.attempts.check(f"api:{address}", API_TOKEN)
    except PageMagicError:
        return _error(429, "too_many_attempts", "Too many bad tokens from this address; wait a minute.")
    header = request.headers.get("authorization", "")
    record = await web.accounts.tokens.authenticate(header[7:].strip()) if header.lower().startswith("bearer ") else None
    if record is None:
        await web.accounts.attempts.fail(f"api:{address}", API_TOKEN)
        return _error(401, "unauthorized", "A valid API token is needed: Authorization: Bearer pm_...")
    if scope not in record.scopes:
        return _error(403, "forbidden", f"This token may not {scope}.")
    return record


async def _sites(web: Web, user_id: int) -> list[dict[str, Any]]:
    from sqlalchemy import select

    async with web.accounts.store.session() as session:
        rows = list(await session.scalars(select(SiteRow).where(SiteRow.owner_id == user_id).order_by(SiteRow.id)))
    found = []
    for row in rows:
        deployment = await web.accounts.store.latest_deployment(row.id)
        online = await web.accounts.store.is_online(row.id)
        found.append({
            "id": row.id, "name": row.name, "slug": row.slug, "version": row.current_version,
            "online": online, "url": deployment.url if deployment and online else None,
            "preview_url": web.studio.previews.preview_url(row.preview_token),
        })
    return found


async def list_sites(request: Request) -> Response:
    web: Web = request.app.state.web
    token = await _token(request, web, "read")
    if isinstance(token, Response):
        return token
    return JSONResponse({"sites": await _sites(web, token.user_id)})


async def publish(request: Request) -> Response:
    web: Web = request.app.state.web
    token = await _token(request, web, "publish")
    if isinstance(token, Response):
        return token
    try:
        site_id = int(request.path_params["site_id"])
    except ValueError:
        return _error(404, "no_site", "No such site.")
    actor = ChatRef(platform="api", chat_id=f"token:{token.prefix}", user_id=token.prefix)
    account = await web.accounts.directory.account(token.user_id)
    language = stored_locale(account.language if account else None) or "en"
    final: Published | Failed | Reply | None = None
    try:
        async for event in web.studio.publish_site(token.user_id, site_id, actor):
            if not isinstance(event, PublishProgress):
                final = event  # type: ignore[assignment]
    except (NoSiteYet, ConcurrentChange):
        return _error(404, "no_site", "No such site.")
    except PageMagicError as error:
        failed = web.studio._failed(error, language)
        status = 429 if error.code in ("quota_exceeded", "spending_cap_reached") else 409
        return _error(status, failed.code, failed.text)
    if isinstance(final, Published):
        return JSONResponse({"status": "live", "url": final.url, "version": final.version, "domains": list(final.domains)})
    return JSONResponse({"status": "pending", "message": final.text if final else ""}, status_code=202)


async def usage(request: Request) -> Response:
    web: Web = request.app.state.web
    token = await _token(request, web, "read")
    if isinstance(token, Response):
        return token
    summary = await web.studio.quotas.summary(token.user_id)
    return JSONResponse({
        "plan": summary.plan, "period_start": summary.period_start.isoformat(), "period_end": summary.period_end.isoformat(),
        "metrics": [{"metric": m.metric, "used": m.used, "limit": m.limit} for m in summary.metrics],
        "estimate_cents": summary.estimate_cents, "currency": summary.currency,
    })


async def openapi(request: Request) -> Response:
    return JSONResponse(SCHEMA)


def api_routes() -> list[Route]:
    return [
        Route("/api/v1/openapi.json", openapi, methods=["GET"]),
        Route("/api/v1/sites", list_sites, methods=["GET"]),
        Route("/api/v1/sites/{site_id}/publish", publish, methods=["POST"]),
        Route("/api/v1/usage", usage, methods=["GET"]),
    ]
