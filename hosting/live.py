"""Live drafts: the in-process channel between Studio and open preview pages.

Studio pushes each partial site as it streams; every open preview of that
token gets the new body over server-sent events. The latest draft is kept so a
page opened mid-stream starts from where the stream is.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field

from core.site.site import Site, SiteHeader
from pipeline import render_body, render_css


@dataclass
class Draft:
    """What a token's viewers see while a generation streams.

    Rendering is lazy: a draft nobody is watching costs nothing but a
    reference, so streaming stays as fast as the generator; the body and CSS
    are rendered once per revision, on first need, and shared by all viewers.
    """

    header: SiteHeader | None = None
    site: Site | None = None
    revision: int = 0
    _css: str | None = None
    _payload: str | None = None

    @property
    def css(self) -> str:
        if self._css is None:
            self._css = render_css(self.site) if self.site is not None else ""
        return self._css

    @property
    def payload(self) -> str:
        if self._payload is None:
            if self.site is None:
                return ""
            self._payload = json.dumps({"body": render_body(self.site), "title": self.site.name, "v": self.revision})
        return self._payload


@dataclass
class _Token:
    draft: Draft | None = None
    viewers: set[asyncio.Queue[str]] = field(default_factory=set)


class LiveDrafts:
    """``PreviewChannel`` kept in memory; one instance per process that serves previews."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._tokens: dict[str, _Token] = {}

    def preview_url(self, token: str) -> str:
        return f"{self.base_url}/p/{token}/"

    def draft(self, token: str) -> Draft | None:
        entry = self._tokens.get(token)
        return entry.draft if entry else None

    async def draft_started(self, token: str, header: SiteHeader | None) -> None:
        entry = self._tokens.setdefault(token, _Token())
        entry.draft = Draft(header=header)
        if header is not None:
            self._broadcast(entry, "draft", json.dumps({"body": placeholder_body(header), "title": header.name, "v": 0}))

    async def draft_updated(self, token: str, site: Site) -> None:
        entry = self._tokens.setdefault(token, _Token())
        previous = entry.draft.revision if entry.draft else 0
        draft = Draft(header=entry.draft.header if entry.draft else None, site=site, revision=previous + 1)
        entry.draft = draft
        if entry.viewers:
            self._broadcast(entry, "draft", draft.payload)

    async def draft_finished(self, token: str) -> None:
        entry = self._tokens.get(token)
        if entry is None:
            return
        entry.draft = None
        self._broadcast(entry, "stored", "{}")
        if not entry.viewers:
            self._tokens.pop(token, None)

    def subscribe(self, token: str) -> asyncio.Queue[str]:
        queue: asyncio.Queue[str] = asyncio.Queue(maxsize=64)
        self._tokens.setdefault(token, _Token()).viewers.add(queue)
        return queue

    def unsubscribe(self, token: str, queue: asyncio.Queue[str]) -> None:
        entry = self._tokens.get(token)
        if entry is None:
            return
        entry.viewers.discard(queue)
        if not entry.viewers and entry.draft is None:
            self._tokens.pop(token, None)

    @staticmethod
    def _broadcast(entry: _Token, event: str, data: str) -> None:
        message = f"event: {event}\ndata: {data}\n\n"
        for queue in list(entry.viewers):
            if queue.full():  # a stalled viewer only needs the newest state
                while not queue.empty():
                    queue.get_nowait()
            queue.put_nowait(message)


def placeholder_body(header: SiteHeader) -> str:
    """Shown before the first section arrives."""
    from html import escape

    return (
        '<main id="main" class="pm-waiting"><p role="status">'
        f"{escape(header.name)} — …</p></main>"
    )
