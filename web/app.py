"""The web front door's routes, mounted on the server every front door shares (``bots/wiring.py``).

    /auth/sign-in               the sign-in page (Telegram, Slack, email)
    /auth/me                    who this browser is signed in as (JSON)
    /auth/link                  a one-time link from a chat (token in the fragment)
    /auth/telegram/...          Mini App initData, Login Widget start and return
    /auth/slack/...             Sign in with Slack (OpenID Connect)
    /auth/email, /auth/email/verify
    /auth/2fa                   the second factor after sign-in
    /auth/passkey[/options]     a passkey instead of a code (sign-in or step-up)
    /app/, /app/sites/...       the dashboard and visual editor (also the Telegram Mini App's entry)
    /app/sites/{id}/analytics, /app/domains, /app/billing   web/insights/routes.py
    /account, /account/...      identities, two-factor, sessions, API tokens, export, deletion
    /api/v1/...                 the JSON API (bearer tokens), OpenAPI at /api/v1/openapi.json
    /web/static/...             this package's CSS and scripts (no CDN)
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from core.messages import say
from web.api.routes import api_routes
from web.auth import email, links, passkeys, second_factor, slack, telegram
from web.context import Web
from web.dashboard.routes import dashboard_routes
from web.i18n import page_locale
from web.insights.routes import insights_routes
from web.pages import account
from web.rendering import render
from web.security import PRE_COOKIE, pre_session_secret, secured, set_cookie
from web.session_cookies import current

STATIC = Path(__file__).parent / "static"


async def sign_in_page(request: Request) -> Response:
    web: Web = request.app.state.web
    session = await current(request, web)
    if session is not None and session.second_factor:
        return secured(RedirectResponse("/account", status_code=303))
    locale = page_locale(request)
    secret, fresh = pre_session_secret(request)
    notice = say(locale, "web_email_confirmed", email="").strip() if request.query_params.get("notice") == "email" else ""
    response = render(
        "sign_in.html", locale, csrf=secret, notice=notice, telegram=bool(web.config.telegram_token),
        slack=bool(web.config.slack_client_id and web.config.slack_client_secret), email=web.mail is not None,
    )
    if fresh:
        set_cookie(response, PRE_COOKIE, secret, max_age=3600, samesite="strict")
    return response


async def me(request: Request) -> Response:
    """``/auth/me``: who this browser is signed in as (the dashboard's first request, JSON)."""
    web: Web = request.app.state.web
    session = await current(request, web)
    if session is None:
        return secured(JSONResponse({"signed_in": False}, status_code=401))
    return secured(JSONResponse({"signed_in": True, "account": session.user_id, "second_factor": session.second_factor,
                                 "csrf": session.csrf}))


def web_routes() -> list[BaseRoute]:
    return [
        Route("/auth/sign-in", sign_in_page, methods=["GET"]),
        Route("/auth/me", me, methods=["GET"]),
        Route("/auth/link", links.link_page, methods=["GET"]),
        Route("/auth/link", links.link_sign_in, methods=["POST"]),
        Route("/auth/telegram/webapp", telegram.webapp_sign_in, methods=["POST"]),
        Route("/auth/telegram/start", telegram.widget_start, methods=["GET"]),
        Route("/auth/telegram/return", telegram.widget_page, methods=["GET"]),
        Route("/auth/telegram/widget", telegram.widget_sign_in, methods=["POST"]),
        Route("/auth/slack/start", slack.slack_start, methods=["GET"]),
        Route("/auth/slack/callback", slack.slack_callback, methods=["GET"]),
        Route("/auth/email", email.email_request, methods=["POST"]),
        Route("/auth/email/verify", email.verify_page, methods=["GET"]),
        Route("/auth/email/verify", email.verify, methods=["POST"]),
        Route("/auth/2fa", second_factor.second_factor_page, methods=["GET"]),
        Route("/auth/2fa", second_factor.second_factor_check, methods=["POST"]),
        Route("/auth/passkey/options", passkeys.verify_options, methods=["POST"]),
        Route("/auth/passkey", passkeys.verify, methods=["POST"]),
        *dashboard_routes(),
        Route("/account", account.account_page, methods=["GET"]),
        Route("/account/2fa/start", account.two_factor_start, methods=["POST"]),
        Route("/account/2fa/qr.svg", account.two_factor_qr, methods=["GET"]),
        Route("/account/2fa/confirm", account.two_factor_confirm, methods=["POST"]),
        Route("/account/step-up", account.step_up, methods=["POST"]),
        Route("/account/passkeys/options", passkeys.register_options, methods=["POST"]),
        Route("/account/passkeys", passkeys.register, methods=["POST"]),
        Route("/account/passkeys/{passkey_id:int}/remove", passkeys.remove, methods=["POST"]),
        Route("/account/sign-out", account.sign_out, methods=["POST"]),
        Route("/account/sign-out-everywhere", account.sign_out_everywhere, methods=["POST"]),
        Route("/account/tokens", account.token_create, methods=["POST"]),
        Route("/account/tokens/{token_id:int}/revoke", account.token_revoke, methods=["POST"]),
        Route("/account/export", account.export, methods=["POST"]),
        Route("/account/delete", account.delete, methods=["POST"]),
        *api_routes(),
        *insights_routes(),  # analytics, domains, billing (web/insights/)
        Mount("/web/static", app=StaticFiles(directory=STATIC), name="web-static"),
    ]
