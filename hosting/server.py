"""The web server of the embedded setup: live previews and ``local`` published sites.

Routes:
  /healthz                  liveness
  /p/<token>/...            the draft preview (live-updating; never indexed)
  /s/<slug>/...             a published site
  any path, Host = domain   a published site under an attached domain

None of these takes a request body: a body over ``MAX_BODY`` is refused with 413 before it is
read (by its Content-Length at once, or while it streams). Front doors that mount their own
routes here (webhooks) set their own, larger limit on their route.
"""

from __future__ import annotations

import asyncio
import html
import mimetypes
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from core.images.files import image_file
from core.images.port import ImageStore
from core.ports import UsageMeter
from core.site.site import Site
from core.storage.records import SiteRecord
from core.storage.store import Store
from core.storage.tables import utcnow
from hosting.live import LiveDrafts, placeholder_body
from hosting.local import META_FILE, LocalHosting
from hosting.pages import NOT_FOUND, NOT_PUBLISHED, PREVIEW_EXPIRED
from pipeline import render_css, render_preview, render_site

LIVE_JS = (Path(__file__).parent / "static" / "live.js").read_bytes()
MAX_BODY = 64 * 1024  # the default request body limit of every route that sets none
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
SLUG_RE = re.compile(r"^[a-z0-9-]{1,80}$")
PREVIEW_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data: https:; script-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".avif": "image/avif",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".png": "image/png",
}


@dataclass(frozen=True)
class _Owner:
    site_id: int
    owner_id: int
    slug: str


class _TtlCache:
    """A tiny time-bounded cache so serving a file does not hit the database each time."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._items: dict[str, tuple[float, _Owner | None]] = {}

    def get(self, key: str) -> tuple[bool, _Owner | None]:
        hit = self._items.get(key)
        if hit is None or hit[0] < time.monotonic():
            return False, None
        return True, hit[1]

    def put(self, key: str, value: _Owner | None) -> None:
        if len(self._items) > 10_000:
            self._items.clear()
        self._items[key] = (time.monotonic() + self.ttl, value)


class SiteServer:
    """Builds the Starlette app; holds the few collaborators the routes need."""

    def __init__(
        self,
        store: Store,
        drafts: LiveDrafts,
        hosting: LocalHosting,
        meter: UsageMeter,
        own_hosts: set[str],
        cache_seconds: float = 5.0,
        images: ImageStore | None = None,
    ) -> None:
        self.images = images
        self.store = store
        self.drafts = drafts
        self.hosting = hosting
        self.meter = meter
        self.own_hosts = {h.lower() for h in own_hosts}
        self._slugs = _TtlCache(cache_seconds)
        self._domains = _TtlCache(cache_seconds)

    def app(self) -> Starlette:
        routes = [
            Route("/healthz", self.healthz),
            Route("/p/{token}", self.preview_redirect),
            Route("/p/{token}/", self.preview),
            Route("/p/{token}/styles.css", self.preview_css),
            Route("/p/{token}/live.js", self.live_js),
            Route("/p/{token}/events", self.preview_events),
            Route("/p/{token}/{name:path}", self.preview_asset),
            Route("/s/{slug}", self.published_redirect),
            Route("/s/{slug}/{path:path}", self.published),
        ]
        return Starlette(
            routes=routes,
            middleware=[Middleware(_DomainRouter, server=self)],
            max_body_size=MAX_BODY,
            exception_handlers={ClientDisconnect: _client_gone},
        )

    # -- health --------------------------------------------------------------------

    async def healthz(self, request: Request) -> Response:
        return PlainTextResponse("ok")

    # -- previews ------------------------------------------------------------------

    async def _preview_site(self, token: str) -> tuple[Site | None, SiteRecord | None, Response | None]:
        """The site a preview shows: the live draft if one streams, else the stored current version."""
        if not TOKEN_RE.match(token):
            return None, None, _html(NOT_FOUND, 404)
        record = await self.store.site_by_token(token)
        draft = self.drafts.draft(token)
        if draft is not None and draft.site is not None:
            return draft.site, record, None
        if record is None:
            if draft is not None:
                return None, None, None  # header only: generation just started
            return None, None, _html(NOT_FOUND, 404)
        if record.preview_expires_at < utcnow():
            return None, record, _html(PREVIEW_EXPIRED, 410)
        version = await self.store.version(record.id, record.current_version)
        return version.site, record, None

    async def preview_redirect(self, request: Request) -> Response:
        return RedirectResponse(f"/p/{request.path_params['token']}/", status_code=308)

    async def preview(self, request: Request) -> Response:
        token = request.path_params["token"]
        site, record, error = await self._preview_site(token)
        if error is not None:
            return _preview_headers(error)
        if site is None:
            draft = self.drafts.draft(token)
            header = draft.header if draft else None
            name = header.name if header else "…"
            lang = header.language if header else "en"
            page = (
                f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width,initial-scale=1">'
                f'<meta name="robots" content="noindex"><title>{_escape(name)}</title>'
                '<link rel="stylesheet" href="styles.css"><script src="live.js" defer></script></head>'
                f"<body>{placeholder_body(header) if header else ''}</body></html>"
            )
            return _preview_headers(_html(page))
        if record is not None:
            await self.meter.record(record.owner_id, "previews", 1, record.id)
        draft = self.drafts.draft(token)
        version = draft.revision if draft is not None else 0
        page = render_preview(site, stylesheet_href=f"styles.css?v={version}", live_script_src="live.js")
        return _preview_headers(_html(page))

    async def preview_css(self, request: Request) -> Response:
        token = request.path_params["token"]
        draft = self.drafts.draft(token)
        if draft is not None and draft.site is not None:
            css = draft.css
        else:
            site, _record, error = await self._preview_site(token)
            if error is not None or site is None:
                css = ""
            else:
                css = render_css(site)
        return _preview_headers(Response(css, media_type="text/css; charset=utf-8"))

    async def live_js(self, request: Request) -> Response:
        return _preview_headers(Response(LIVE_JS, media_type="text/javascript; charset=utf-8"))

    async def preview_asset(self, request: Request) -> Response:
        site, _record, error = await self._preview_site(request.path_params["token"])
        if error is not None or site is None:
            return _preview_headers(error or _html(NOT_FOUND, 404))
        name = request.path_params["name"]
        if name.startswith("img/"):
            data = await image_file(site, name, self.images) if self.images is not None else None
            if data is None:
                return _preview_headers(_html(NOT_FOUND, 404))
            return _preview_headers(Response(data, media_type=_type_of(name)))
        content = render_site(site).files.get(name)
        if content is None or name == "index.html":
            return _preview_headers(_html(NOT_FOUND, 404))
        return _preview_headers(Response(content, media_type=_type_of(name)))

    async def preview_events(self, request: Request) -> Response:
        token = request.path_params["token"]
        if not TOKEN_RE.match(token):
            return _html(NOT_FOUND, 404)
        queue = self.drafts.subscribe(token)

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 2000\n\n"
                draft = self.drafts.draft(token)
                if draft is not None and draft.payload:
                    yield f"event: draft\ndata: {draft.payload}\n\n"
                while True:
                    try:
                        yield await asyncio.wait_for(queue.get(), timeout=15)
                    except TimeoutError:
                        yield ": keep-alive\n\n"
            finally:
                self.drafts.unsubscribe(token, queue)

        return _preview_headers(
            StreamingResponse(stream(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})
        )

    # -- published sites -----------------------------------------------------------

    async def published_redirect(self, request: Request) -> Response:
        return RedirectResponse(f"/s/{request.path_params['slug']}/", status_code=308)

    async def published(self, request: Request) -> Response:
        slug = request.path_params["slug"]
        if not SLUG_RE.match(slug):
            return _html(NOT_FOUND, 404)
        owner = await self._owner_of_slug(slug)
        return await self.serve_release(request, owner, request.path_params["path"])

    async def serve_release(self, request: Request, owner: _Owner | None, path: str) -> Response:
        if owner is None:
            return _with_security(_html(NOT_FOUND, 404))
        folder = self.hosting.current_dir(owner.slug)
        if not folder.exists():
            return _with_security(_html(NOT_PUBLISHED, 404))
        release = folder.resolve()
        name = path or "index.html"
        if name.endswith("/"):
            name += "index.html"
        if _CONTROL.search(name):  # no file is named so; the file system refuses a NUL outright
            return _with_security(_html(NOT_FOUND, 404))
        target = (release / name).resolve()
        if release not in target.parents or target.name == META_FILE or not _is_file(target):
            return _with_security(_html(NOT_FOUND, 404))
        etag = f'"{release.name}:{name}"'
        headers = dict(SECURITY_HEADERS)
        csp = self.hosting.csp_of(release)
        if csp:
            headers["Content-Security-Policy"] = csp
        headers["ETag"] = etag
        immutable = not (name.endswith(".html") or name in ("sw.js", "manifest.webmanifest"))
        headers["Cache-Control"] = "public, max-age=3600" if immutable else "no-cache"
        if name.startswith("img/"):  # content-addressed names: never change, cache for a year
            headers["Cache-Control"] = "public, max-age=31536000, immutable"
        if request.headers.get("if-none-match") == etag:
            await self.meter.record(owner.owner_id, "requests", 1, owner.site_id)
            return Response(status_code=304, headers=headers)
        content = await asyncio.to_thread(target.read_bytes)
        await self.meter.record(owner.owner_id, "requests", 1, owner.site_id)
        await self.meter.record(owner.owner_id, "bytes", len(content), owner.site_id)
        return Response(content, media_type=_type_of(name), headers=headers)

    async def _owner_of_slug(self, slug: str) -> _Owner | None:
        found, owner = self._slugs.get(slug)
        if not found:
            record = await self.store.site_by_slug(slug)
            owner = _Owner(record.id, record.owner_id, record.slug) if record else None
            self._slugs.put(slug, owner)
        return owner

    async def owner_of_domain(self, host: str) -> _Owner | None:
        found, owner = self._domains.get(host)
        if not found:
            record = await self.store.site_for_domain(host)
            owner = _Owner(record.id, record.owner_id, record.slug) if record else None
            self._domains.put(host, owner)
        return owner


class _DomainRouter:
    """Requests for an attached domain (by ``Host``) go to that site; the rest to the routes."""

    def __init__(self, app: ASGIApp, server: SiteServer) -> None:
        self.app = app
        self.server = server

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = _host_of(scope)
            if host and host not in self.server.own_hosts and not _is_ip(host):
                owner = await self.server.owner_of_domain(host)
                if owner is not None:
                    request = Request(scope, receive)
                    response = await self.server.serve_release(request, owner, scope["path"].lstrip("/"))
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def _host_of(scope: Scope) -> str:
    """The Host header's name, lower-cased, without its port and without the one trailing dot of a
    fully qualified name (``padaria-exemplo.pt.``): the same host nginx's ``$host`` gives the edge."""
    for key, value in scope.get("headers", []):
        if key == b"host":
            host = str(value.decode("latin-1")).lower()
            host = host if host.endswith("]") else host.rsplit(":", 1)[0]
            return host[:-1] if host.endswith(".") and not host.endswith("..") else host
    return ""


async def _client_gone(_request: Request, _exc: Exception) -> Response:
    """The client hung up while its body was being read (or a deadline closed it): nobody is left to
    answer, and it is no server error. The response goes nowhere; uvicorn drops it."""
    return Response(status_code=400)


def _is_ip(host: str) -> bool:
    return bool(re.match(r"^[\d.]+$", host)) or host.startswith("[")


def _is_file(path: Path) -> bool:
    """Whether a published file is there; a name the file system cannot even look up (too long:
    ENAMETOOLONG) names none."""
    try:
        return path.is_file()
    except OSError:
        return False


def _type_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _escape(text: str) -> str:
    return html.escape(text)


def _html(page: str, status: int = 200) -> Response:
    return HTMLResponse(page, status_code=status)


def _with_security(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


def _preview_headers(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    response.headers["Content-Security-Policy"] = PREVIEW_CSP
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "no-referrer"  # the token is in the URL
    return response


RequestHandler = Callable[[Request], Awaitable[Response]]
