"""What the sign-in routes share: the landing page of a fragment credential and the pre-session CSRF check."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from core.accounts.attempts import SIGN_IN
from core.errors import PageMagicError
from core.messages import say
from web.context import Web
from web.i18n import page_locale
from web.rendering import render
from web.security import PRE_COOKIE, client_address, pre_session_secret, secured, set_cookie
from web.session_cookies import csrf_ok, form_or_json


def landing(request: Request, flow: str, endpoint: str) -> Response:
    """The page a credential in the fragment lands on: its script posts it (with the CSRF secret) once."""
    secret, fresh = pre_session_secret(request)
    response = render("landing.html", page_locale(request), csrf=secret, flow=flow, endpoint=endpoint)
    if fresh:
        set_cookie(response, PRE_COOKIE, secret, max_age=3600, samesite="strict")
    return response


async def credential(request: Request, web: Web) -> tuple[str, str | None]:
    """(the posted credential, an error to answer with); checks CSRF and the address's failures so far."""
    data: dict[str, Any] = await form_or_json(request)
    if not csrf_ok(request, web, data, request.cookies.get(PRE_COOKIE, "")):
        return "", "csrf"
    try:
        await web.accounts.attempts.check(f"sign-in:{client_address(request)}", SIGN_IN)
    except PageMagicError:
        return "", "limited"
    value = data.get("credential")
    return (value if isinstance(value, str) else ""), None


async def refused(request: Request, web: Web, reason: str) -> Response:
    """A sign-in that did not work: counted against the address, answered in the page's language."""
    locale = page_locale(request)
    if reason == "csrf":
        return secured(JSONResponse({"error": say(locale, "web_refused")}, status_code=403))
    if reason != "limited":
        await web.accounts.attempts.fail(f"sign-in:{client_address(request)}", SIGN_IN)
    key = "error_too_many_attempts" if reason == "limited" else "error_sign_in_invalid"
    text = say(locale, key, minutes=10)
    return secured(JSONResponse({"error": text}, status_code=429 if reason == "limited" else 400))
