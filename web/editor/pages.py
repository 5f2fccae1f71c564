"""The editor's pages: the editor (toolbar, palette, theme, timeline around the canvas), the canvas
itself (the site as published, marked for in-place editing), its stylesheet and photos, and a
version of the site to compare with the current one."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from core.errors import ConcurrentChange
from core.i18n.formatting import moment
from core.images.files import image_file
from core.site.presets import PRESETS
from core.site.sections import SECTION_KINDS
from core.site.theme import FONT_PAIRINGS
from pipeline import render_css
from web.dashboard.access import OwnSite, not_found, reading
from web.editor.canvas import canvas_html
from web.rendering import render

# The canvas runs the editor's script and shows the site's own photos and illustrations; the site's
# CSS is linked (no inline style); it may be framed only by the editor (same origin).
CANVAS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)
CANVAS_SCRIPTS = ("/web/static/vendor/sortable.min.js", "/web/static/canvas.js")


def _canvas_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CANVAS_CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    return response


async def editor(request: Request) -> Response:
    own = await reading(request)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    online = await visitor.web.studio.store.online_deployment(own.site.id)
    return render(
        "app/editor.html", visitor.locale, csrf=visitor.session.csrf, site=own.site, kinds=SECTION_KINDS[:-1],
        presets=sorted(PRESETS), fonts=FONT_PAIRINGS, online=online, nav="sites",
    )


async def versions(request: Request) -> Response:
    """The version timeline (an htmx fragment): restore any version, or compare it with the current one."""
    own = await reading(request)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    found = await visitor.web.studio.store.versions(own.site.id)
    return render(
        "app/versions.html", visitor.locale, csrf=visitor.session.csrf, site=own.site, versions=list(reversed(found)),
        when=lambda at: moment(at, visitor.locale),
    )


async def compare(request: Request) -> Response:
    """Version N beside the current one, with the sections that differ marked."""
    own = await reading(request)
    if not isinstance(own, OwnSite):
        return own
    visitor = own.visitor
    store = visitor.web.studio.store
    try:
        number = int(request.path_params["number"])
        old = await store.version(own.site.id, number)
    except (ValueError, ConcurrentChange):
        return not_found(visitor)
    current = await store.version(own.site.id, own.site.current_version)
    before = [s.model_dump_json() for s in old.site.sections]
    changed = [i + 1 for i, s in enumerate(current.site.sections) if s.model_dump_json() not in before]
    removed = len([s for s in before if s not in {c.model_dump_json() for c in current.site.sections}])
    return render(
        "app/compare.html", visitor.locale, csrf=visitor.session.csrf, site=own.site, old=old, changed=changed,
        removed=removed, theme_changed=old.site.theme != current.site.theme, nav="sites",
    )


async def canvas(request: Request) -> Response:
    own = await reading(request)
    if not isinstance(own, OwnSite):
        return own
    store = own.visitor.web.studio.store
    number = _number(request, own)
    try:
        version = await store.version(own.site.id, number)
    except ConcurrentChange:
        return not_found(own.visitor)
    page = canvas_html(version.site, f"styles.css?v={number}", CANVAS_SCRIPTS)
    response = Response(page, media_type="text/html; charset=utf-8")
    response.headers["X-PM-Version"] = str(number)
    return _canvas_headers(response)


async def canvas_css(request: Request) -> Response:
    own = await reading(request)
    if not isinstance(own, OwnSite):
        return own
    version = await own.visitor.web.studio.store.version(own.site.id, _number(request, own))
    return _canvas_headers(Response(render_css(version.site), media_type="text/css; charset=utf-8"))


async def canvas_image(request: Request) -> Response:
    own = await reading(request)
    if not isinstance(own, OwnSite):
        return own
    studio = own.visitor.web.studio
    version = await studio.store.version(own.site.id, _number(request, own))
    name = "img/" + request.path_params["name"]
    data = await image_file(version.site, name, studio.images) if studio.images is not None else None
    if data is None:
        return not_found(own.visitor)
    kind = {"avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}.get(name.rsplit(".", 1)[-1])
    response = _canvas_headers(Response(data, media_type=kind or "application/octet-stream"))
    response.headers["Cache-Control"] = "private, max-age=86400"
    return response


def _number(request: Request, own: OwnSite) -> int:
    """The version a canvas URL names (``/canvas/v3/``), else the current one."""
    raw = request.path_params.get("number")
    try:
        return int(raw) if raw is not None else own.site.current_version
    except ValueError:
        return own.site.current_version
