"""The editor's changes, each one ``Studio.page_edits``: a validated edit stored as a new version.

Every answer names the version the page now shows; a change made against an older version
(the chat or another tab changed the site meanwhile) is refused with 409 and the newest
version, and the page reloads it: nothing is overwritten, the person makes the change again.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from core.errors import ConcurrentChange, ImageRejected, InvalidSpec, PageMagicError
from core.images.upload import from_bytes
from core.messages import say
from core.site.edits import AddImage, Edit, PlaceImage, ReplaceImage
from core.site.site import Site
from web.dashboard.access import OwnSite, changing_site, failure, uploading
from web.editor.operations import edits_for
from web.security import secured


def _done(version: int, **extra: Any) -> Response:
    return secured(JSONResponse({"version": version, **extra}))


async def _refused(own: OwnSite, error: PageMagicError) -> Response:
    if isinstance(error, ConcurrentChange):
        newest = (await own.visitor.web.studio.store.site(own.site.id)).current_version
        text = say(own.visitor.locale, "app_conflict")
        return secured(JSONResponse({"error": text, "code": error.code, "version": newest}, status_code=409))
    return failure(own.visitor, error)


def _expected(data: dict[str, Any]) -> int:
    value = data.get("version")
    if not isinstance(value, int):
        raise InvalidSpec("$.version", "the version the page shows is missing")
    return value


async def edit(request: Request) -> Response:
    own = await changing_site(request)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    studio = visitor.web.studio
    try:
        expected = _expected(visitor.data)
        if own.site.current_version != expected:
            raise ConcurrentChange("version moved")
        current = await studio.store.version(own.site.id, expected)
        edits, label = edits_for(current.site, visitor.data)
        record = await studio.page_edits.apply(
            visitor.account.id, own.site.id, edits, expected, say(visitor.locale, "app_edit_label", what=label), current)
    except PageMagicError as error:
        return await _refused(own, error)
    return _done(record.current_version, reload=visitor.data.get("op") not in ("text", "site_text"))


async def undo(request: Request) -> Response:
    return await _move(request, "undo")


async def redo(request: Request) -> Response:
    return await _move(request, "redo")


async def _move(request: Request, how: str) -> Response:
    own = await changing_site(request)
    if not isinstance(own, OwnSite):
        return own
    edits = own.visitor.web.studio.page_edits
    try:
        expected = _expected(own.visitor.data)
        record = await (edits.undo(own.site.id, expected) if how == "undo" else edits.redo(own.site.id, expected))
    except PageMagicError as error:
        return await _refused(own, error)
    return _done(record.current_version, reload=True)


async def restore(request: Request) -> Response:
    own = await changing_site(request)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    number = int(request.path_params["number"])
    try:
        record = await visitor.web.studio.page_edits.restore(
            visitor.account.id, own.site.id, number, _expected(visitor.data),
            say(visitor.locale, "app_restored_label", version=number))
    except PageMagicError as error:
        return await _refused(own, error)
    return _done(record.current_version, reload=True)


async def image(request: Request) -> Response:
    """A photo from the phone's gallery or camera (the raw file as the body): processed like a chat photo,
    then shown where the tapped one was (``hash``), or as the section's photo (hero: the cover)."""
    own = await uploading(request)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    studio = visitor.web.studio
    try:
        expected = int(request.query_params.get("version", ""))
    except ValueError:
        return failure(visitor, InvalidSpec("$.version", "missing"))
    flow = studio.image_flow
    try:
        if flow is None:
            raise ImageRejected("not_image")
        _record, current = await studio.page_edits.current(own.site.id)
        if current.number != expected:
            raise ConcurrentChange("version moved")
        data = await request.body()
        asset = await flow.keep(visitor.account.id, from_bytes("upload", data),
                                say(current.site.language, "alt_gallery", name=current.site.name))
        edits = _placing(current.site, asset.hash, request.query_params.get("hash", ""), request.query_params.get("section", ""))
        record = await studio.page_edits.apply(
            visitor.account.id, own.site.id, [AddImage(image=asset), *edits], expected,
            say(visitor.locale, "app_edit_label", what="📷"))
    except PageMagicError as error:
        return await _refused(own, error)
    return _done(record.current_version, reload=True)


def _placing(site: Site, new: str, old: str, section: str) -> list[Edit]:
    if old and site.image(old) is not None:
        return [ReplaceImage(hash=old, by=new)] if old != new else []
    kind = site.sections[int(section)].kind if section.isdigit() and int(section) < len(site.sections) else ""
    target = {"hero": "cover", "about": "about"}.get(kind, "gallery")
    return [PlaceImage(hash=new, target=target)]  # type: ignore[arg-type]
