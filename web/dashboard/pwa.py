"""The dashboard as an installable app: its manifest and a service worker scoped to ``/app/``.

The worker caches only the vendored, versioned static files (so the shell opens fast on a poor
connection); pages and edits always go to the network: an editor must never show a stale site.
"""

from __future__ import annotations

import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from web.security import secured

SERVICE_WORKER = (Path(__file__).resolve().parent.parent / "static" / "sw.js").read_bytes()


async def manifest(request: Request) -> Response:
    body = {
        "name": "Page Magic", "short_name": "Page Magic", "start_url": "/app/", "scope": "/app/",
        "display": "standalone", "background_color": "#ffffff", "theme_color": "#2456d6",
        "icons": [{"src": "/web/static/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any maskable"}],
    }
    return secured(Response(json.dumps(body), media_type="application/manifest+json"))


async def service_worker(request: Request) -> Response:
    response = secured(Response(SERVICE_WORKER, media_type="text/javascript; charset=utf-8"))
    response.headers["Service-Worker-Allowed"] = "/app/"
    return response
