"""The sites list (``/app/``) and what its buttons do: create from a description (streamed section by
section), duplicate, publish, unpublish, delete. Each goes through Studio like the chat's commands."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse

from core.errors import PageMagicError
from core.events import Failed, PreviewReady, Published, PublishProgress, Reply, SectionReady
from core.i18n.formatting import moment
from core.messages import say
from core.site.values import Language
from core.storage.records import ConversationRecord
from web.auth import telegram
from web.dashboard.access import OwnSite, admin, changing_site, failure
from web.pages.guard import Visitor, changing, signed_in
from web.rendering import render
from web.security import secured
from web.session_cookies import current


async def app_home(request: Request) -> Response:
    """``/app/``: the sites list when signed in; else the Mini App's sign-in from ``initData``."""
    session = await current(request, request.app.state.web)
    if session is None or not session.second_factor:
        return await telegram.webapp_page(request)
    visitor = await signed_in(request)
    if not isinstance(visitor, Visitor):
        return visitor
    return await sites_page(visitor)


async def sites_page(visitor: Visitor, status: int = 200, notice: str = "", error: str = "") -> Response:
    sites = await admin(visitor).summaries(visitor.account.id)
    return render(
        "app/sites.html", visitor.locale, status=status, csrf=visitor.session.csrf, sites=sites, notice=notice,
        error=error, when=lambda at: moment(at, visitor.locale), nav="sites",
    )


def _language(visitor: Visitor, conversation: ConversationRecord) -> Language:
    return conversation.language or visitor.locale


async def create(request: Request) -> Response:
    """A new site from a description: one JSON line per event as it is generated (the page shows them)."""
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    description = str(visitor.data.get("description") or "").strip()
    studio = visitor.web.studio
    conversation = await admin(visitor).conversation(visitor.account.id)
    conversation = ConversationRecord(conversation.id, conversation.user_id, conversation.plan, conversation.language,
                                      None, conversation.language_chosen)

    async def lines() -> AsyncIterator[str]:
        language = _language(visitor, conversation)
        try:
            if not description:
                yield _line(error=say(visitor.locale, "error_empty_message"))
                return
            async for event in studio.describe(conversation, description, language, asyncio.Event()):
                if isinstance(event, SectionReady):
                    yield _line(section=event.index, text=event.text)
                elif isinstance(event, PreviewReady):
                    site = (await admin(visitor).conversation(visitor.account.id)).site_id
                    yield _line(done=True, site=site, editor=f"/app/sites/{site}/edit", text=event.text)
                elif isinstance(event, Reply | Failed):
                    yield _line(error=event.text)
        except PageMagicError as error:
            yield _line(error=studio._failed(error, visitor.locale).text)

    return secured(StreamingResponse(lines(), media_type="application/x-ndjson", headers={"X-Accel-Buffering": "no"}))


def _line(**values: Any) -> str:
    return json.dumps(values, ensure_ascii=False) + "\n"


async def duplicate(request: Request) -> Response:
    own = await changing_site(request, as_json=False)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    name = say(visitor.locale, "app_copy_of", name=own.site.name)[:80]
    try:
        await admin(visitor).duplicate(visitor.account.id, own.site.id, name, say(visitor.locale, "app_duplicated_from",
                                                                                  name=own.site.name))
    except PageMagicError as error:
        return await sites_page(visitor, 400, error=visitor.web.studio._failed(error, visitor.locale).text)
    return secured(RedirectResponse("/app/", status_code=303))


async def delete(request: Request) -> Response:
    own = await changing_site(request, as_json=False)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    try:
        await admin(visitor).delete(own.site.id)
    except PageMagicError as error:
        return await sites_page(visitor, 409, error=visitor.web.studio._failed(error, visitor.locale).text)
    return await sites_page(visitor, notice=say(visitor.locale, "app_deleted", name=own.site.name))


async def unpublish(request: Request) -> Response:
    own = await changing_site(request, as_json=False)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    conversation = await admin(visitor).conversation(visitor.account.id, own.site.id)
    texts: list[str] = []
    try:
        async for event in visitor.web.studio.unpublish(conversation, visitor.locale):
            texts.append(getattr(event, "text", ""))
    except PageMagicError as error:
        return await sites_page(visitor, 409, error=visitor.web.studio._failed(error, visitor.locale).text)
    return await sites_page(visitor, notice=" ".join(t for t in texts if t))


async def publish(request: Request) -> Response:
    """The editor's publish button: the same job as ``/publish``; answers once it is live (or why not)."""
    own = await changing_site(request)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    conversation = await admin(visitor).conversation(visitor.account.id, own.site.id)
    url, text = "", ""
    try:
        async for event in visitor.web.studio.publish(conversation, visitor.locale):
            if isinstance(event, Published):
                url, text = event.url, event.text
            elif isinstance(event, Reply | PublishProgress):
                text = event.text
    except PageMagicError as error:
        return failure(visitor, error)
    return secured(JSONResponse({"url": url, "text": text, "live": bool(url)}))
