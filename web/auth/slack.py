"""Sign in with Slack: OpenID Connect through slack_sdk (``openid.connect.token``, ``openid.connect.userInfo``).

The browser goes to Slack's authorize page with a random ``state`` and ``nonce`` (kept in a
short-lived HttpOnly cookie); Slack sends it back with a code, which we trade for tokens
directly with Slack over TLS (so the ID token needs no signature check of ours: OpenID
Connect Core 3.1.3.7), checking its audience and nonce; ``userInfo`` names the user and the
workspace. The identity is (slack, team, user): the same one the Slack bot sees.
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any
from urllib.parse import urlencode

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from core.messages import say
from web.context import Web
from web.i18n import page_locale
from web.rendering import render
from web.security import OIDC_COOKIE, clear_cookie, secured, set_cookie
from web.session_cookies import complete, end_cookie

CALLBACK = "/auth/slack/callback"


def _redirect_uri(web: Web) -> str:
    return f"{web.config.public_url}{CALLBACK}"


async def slack_start(request: Request) -> Response:
    web: Web = request.app.state.web
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    query = urlencode({
        "response_type": "code", "scope": "openid profile email", "client_id": web.config.slack_client_id or "",
        "state": state, "nonce": nonce, "redirect_uri": _redirect_uri(web),
    })
    response = secured(RedirectResponse(f"{web.config.slack_oauth_base}/openid/connect/authorize?{query}", status_code=303))
    set_cookie(response, OIDC_COOKIE, f"{state}.{nonce}", max_age=600)
    return response


def _claims(id_token: str) -> dict[str, Any]:
    try:
        payload = id_token.split(".")[1]
        decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}
    return decoded if isinstance(decoded, dict) else {}


async def slack_callback(request: Request) -> Response:
    web: Web = request.app.state.web
    locale = page_locale(request)
    state, _, nonce = request.cookies.get(OIDC_COOKIE, "").partition(".")
    code = request.query_params.get("code", "")
    if not state or request.query_params.get("state") != state or not code:
        return _failed(locale)
    client = AsyncWebClient(base_url=web.config.slack_api_base)
    try:
        tokens = await client.openid_connect_token(
            client_id=web.config.slack_client_id or "", client_secret=web.config.slack_client_secret or "",
            code=code, redirect_uri=_redirect_uri(web),
        )
        claims = _claims(str(tokens.get("id_token") or ""))
        if claims.get("nonce") != nonce or claims.get("aud") != web.config.slack_client_id:
            return _failed(locale)
        info = await AsyncWebClient(token=str(tokens["access_token"]), base_url=web.config.slack_api_base).openid_connect_userInfo()
    except (SlackApiError, KeyError):
        return _failed(locale)
    team, user = str(info.get("https://slack.com/team_id") or ""), str(info.get("https://slack.com/user_id") or "")
    if not team or not user or user != claims.get("https://slack.com/user_id", user):
        return _failed(locale)
    user_id = await web.accounts.directory.account_for("slack", team, user, name=str(info.get("name") or ""))
    answer = await complete(request, web, user_id, "slack")
    target = json.loads(bytes(answer.body))["next"]
    response = secured(RedirectResponse(target, status_code=303))
    for header, value in answer.raw_headers:
        if header == b"set-cookie":
            response.raw_headers.append((header, value))
    clear_cookie(response, OIDC_COOKIE)
    return response


def _failed(locale: str) -> Response:
    response = render("message.html", locale, status=400, csrf="", text=say(locale, "error_sign_in_invalid"))  # type: ignore[arg-type]
    clear_cookie(response, OIDC_COOKIE)
    end_cookie(response)
    return response
