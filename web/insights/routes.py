"""The insight pages' routes, added to the web front door's (``web.app.web_routes``)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from web.insights import analytics, billing, domains
from web.security import secured


async def account(_request: Request) -> Response:
    """``/app/account``: the account page the accounts work built (identities, 2FA, sessions, tokens)."""
    return secured(RedirectResponse("/account", status_code=303))


def insights_routes() -> list[BaseRoute]:
    return [
        Route("/app/account", account, methods=["GET"]),
        Route("/app/sites/{site_id:int}/analytics", analytics.analytics_page, methods=["GET"]),
        Route("/app/sites/{site_id:int}/domains", domains.site_domains, methods=["GET"]),
        Route("/app/domains", domains.domains_page, methods=["GET"]),
        Route("/app/domains", domains.attach, methods=["POST"]),
        Route("/app/billing", billing.billing_page, methods=["GET"]),
        Route("/app/billing/upgrade", billing.upgrade, methods=["POST"]),
        Route("/app/billing/portal", billing.portal, methods=["POST"]),
        Route("/app/billing/cap", billing.set_cap, methods=["POST"]),
    ]
