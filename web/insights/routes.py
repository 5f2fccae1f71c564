"""The insight pages' routes, added to the web front door's (``web.app.web_routes``)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Route

from web.insights import analytics, billing, domains


def insights_routes() -> list[BaseRoute]:
    return [
        Route("/app/sites/{site_id:int}/analytics", analytics.analytics_page, methods=["GET"]),
        Route("/app/sites/{site_id:int}/domains", domains.site_domains, methods=["GET"]),
        Route("/app/domains", domains.domains_page, methods=["GET"]),
        Route("/app/domains", domains.attach, methods=["POST"]),
        Route("/app/billing", billing.billing_page, methods=["GET"]),
        Route("/app/billing/upgrade", billing.upgrade, methods=["POST"]),
        Route("/app/billing/portal", billing.portal, methods=["POST"]),
    ]
