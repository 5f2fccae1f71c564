"""Progressive web app files: manifest, service worker and its registration.

Everything is relative to the page, so the same files work at /s/<slug>/ and
at a domain root. Several sites may share one origin (the preview host), so
the service worker's caches are named after its own scope and it only ever
deletes its own old versions.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping

from core.i18n.locales import html_lang
from core.site.site import Site
from pipeline.images.names import icon_name
from pipeline.tokens import resolve

PRECACHE = ("./", "index.html", "manifest.webmanifest", "favicon.svg", "pwa.js")


def short_name(name: str, limit: int = 12) -> str:
    """Home-screen label: the name if it fits, else whole words that fit, else a cut."""
    if len(name) <= limit:
        return name
    words = re.split(r"\s+", name)
    out = ""
    for word in words:
        candidate = f"{out} {word}".strip()
        if len(candidate) > limit:
            break
        out = candidate
    return out or name[:limit]


def _icons(site: Site) -> list[dict[str, str]]:
    """PNG icons made from the owner's logo (padded, so also maskable), or the initials SVG."""
    if site.logo and site.image(site.logo) is not None:
        return [
            {"src": icon_name(site.logo, f"icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png",
             "purpose": "any maskable"}
            for size in (192, 512)
        ]
    return [{"src": "favicon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}]


def manifest(site: Site) -> str:
    colors = resolve(site.theme)
    data = {
        "name": site.name,
        "short_name": short_name(site.name),
        "description": site.seo.description,
        "lang": html_lang(site.language),
        "start_url": ".",
        "scope": ".",
        "display": "standalone",
        "theme_color": colors.btn,
        "background_color": colors.bg,
        "icons": _icons(site),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


PWA_JS = """\
// Registers the offline cache; the page works the same without it.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("sw.js").catch(function () {});
  });
}
"""

_SW_TEMPLATE = """\
// Cache-first with background refresh. VERSION changes whenever the site does.
const VERSION = "__VERSION__";
const PREFIX = "pm:" + self.registration.scope + ":";
const CACHE = PREFIX + VERSION;
const FILES = __FILES__;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((cached) => {
        const network = fetch(request)
          .then((response) => {
            if (response.ok && response.type === "basic") cache.put(request, response.clone());
            return response;
          })
          .catch(() => cached || Response.error());
        if (cached) {
          event.waitUntil(network.then(() => undefined));
          return cached;
        }
        return network;
      })
    )
  );
});
"""


def content_version(files: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()[:16]


def service_worker(files: Mapping[str, bytes]) -> str:
    """The worker for a site whose other files are ``files`` (hashed into its cache name)."""
    return _SW_TEMPLATE.replace("__VERSION__", content_version(files)).replace(
        "__FILES__", json.dumps(list(PRECACHE))
    )
