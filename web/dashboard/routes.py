"""The dashboard's routes (mounted with the web front door's in ``web.app``)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Route

from core.studio.images import ImageSettings
from web.dashboard import pwa, sites
from web.editor import changes, pages

UPLOAD_MAX = ImageSettings().limits.max_bytes  # a photo from the phone: the chat's limit


def dashboard_routes() -> list[BaseRoute]:
    site = "/app/sites/{site_id:int}"
    return [
        Route("/app/", sites.app_home, methods=["GET"]),
        Route("/app/manifest.webmanifest", pwa.manifest, methods=["GET"]),
        Route("/app/sw.js", pwa.service_worker, methods=["GET"]),
        Route("/app/sites", sites.create, methods=["POST"]),
        Route(f"{site}/duplicate", sites.duplicate, methods=["POST"]),
        Route(f"{site}/delete", sites.delete, methods=["POST"]),
        Route(f"{site}/unpublish", sites.unpublish, methods=["POST"]),
        Route(f"{site}/publish", sites.publish, methods=["POST"]),
        Route(f"{site}/edit", pages.editor, methods=["GET"]),
        Route(f"{site}/versions", pages.versions, methods=["GET"]),
        Route(site + "/versions/{number:int}/compare", pages.compare, methods=["GET"]),
        Route(site + "/versions/{number:int}/restore", changes.restore, methods=["POST"]),
        Route(site + "/versions/{number:int}/canvas/", pages.canvas, methods=["GET"]),
        Route(site + "/versions/{number:int}/canvas/styles.css", pages.canvas_css, methods=["GET"]),
        Route(site + "/versions/{number:int}/canvas/img/{name}", pages.canvas_image, methods=["GET"]),
        Route(f"{site}/canvas/", pages.canvas, methods=["GET"]),
        Route(f"{site}/canvas/styles.css", pages.canvas_css, methods=["GET"]),
        Route(site + "/canvas/img/{name}", pages.canvas_image, methods=["GET"]),
        Route(f"{site}/edits", changes.edit, methods=["POST"]),
        Route(f"{site}/undo", changes.undo, methods=["POST"]),
        Route(f"{site}/redo", changes.redo, methods=["POST"]),
        Route(f"{site}/image", changes.image, methods=["POST"], max_body_size=UPLOAD_MAX),
    ]
