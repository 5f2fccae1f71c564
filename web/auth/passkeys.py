"""Passkeys on the web: registered from ``/account`` once two-factor is on, used in place of a code.

    POST /account/passkeys/options   creation options (JSON) for the account page's script
    POST /account/passkeys           the new credential (JSON) -> stored
    POST /account/passkeys/{id}/remove
    POST /auth/passkey/options       request options for the signed-in-but-unfinished session
    POST /auth/passkey               the assertion: finishes sign-in, or is the step-up a
                                     sensitive action asks for (the session's "verified" time)

Every call is JSON from ``web/static/passkey.js`` with the session's CSRF secret in
``X-CSRF-Token``; the rules (single-use challenges, counter, origin) are ``core.accounts.passkeys``'.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from core.errors import SecondFactorInvalid, TooManyAttempts
from core.messages import say
from web.context import Web
from web.i18n import page_locale
from web.pages.guard import Visitor, changing
from web.security import client_address, secured
from web.session_cookies import csrf_ok, current, form_or_json, set_session


def _json(value: dict[str, Any], status: int = 200) -> Response:
    return secured(JSONResponse(value, status_code=status))


async def register_options(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return _json({"error": say("en", "web_refused")}, 403)
    accounts = visitor.web.accounts
    if not await accounts.two_factor.enabled(visitor.account.id):  # a passkey is a second factor beside TOTP
        return _json({"error": say(visitor.locale, "web_passkey_needs_two_factor")}, 400)
    return _json(await accounts.passkeys.registration_options(visitor.account.id, visitor.account.display_name))


async def register(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return _json({"error": say("en", "web_refused")}, 403)
    accounts = visitor.web.accounts
    try:
        passkey = await accounts.passkeys.register(
            visitor.account.id, visitor.data.get("credential") or {}, str(visitor.data.get("name") or ""), client_address(request)
        )
    except (SecondFactorInvalid, TooManyAttempts) as error:
        return _json({"error": say(visitor.locale, f"error_{error.code}", **error.params)}, 400)
    await accounts.record("second_factor", visitor.account.id, f"passkey #{passkey.id} added")
    return _json({"next": "/account"})


async def remove(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    passkey_id = int(request.path_params["passkey_id"])
    if await visitor.web.accounts.passkeys.remove(visitor.account.id, passkey_id):
        await visitor.web.accounts.record("second_factor", visitor.account.id, f"passkey #{passkey_id} removed")
    return secured(RedirectResponse("/account", status_code=303))


async def verify_options(request: Request) -> Response:
    web: Web = request.app.state.web
    session = await current(request, web)
    data = await form_or_json(request)
    if session is None or not csrf_ok(request, web, data, session.csrf):
        return _json({"error": say(page_locale(request), "web_refused")}, 403)
    try:
        return _json(await web.accounts.passkeys.authentication_options(session.user_id))
    except SecondFactorInvalid as error:
        return _json({"error": say(page_locale(request), f"error_{error.code}", **error.params)}, 400)


async def verify(request: Request) -> Response:
    web: Web = request.app.state.web
    session = await current(request, web)
    data = await form_or_json(request)
    locale = page_locale(request)
    if session is None or not csrf_ok(request, web, data, session.csrf):
        return _json({"error": say(locale, "web_refused")}, 403)
    try:
        await web.accounts.passkeys.verify(session.user_id, data.get("credential") or {}, client_address(request))
    except (SecondFactorInvalid, TooManyAttempts) as error:
        return _json({"error": say(locale, f"error_{error.code}", **error.params)}, 400)
    step_up = session.second_factor
    token, record = await web.accounts.sessions.rotate(session.id, second_factor=True, verified=True)
    await web.accounts.record("second_factor", session.user_id, "step-up, passkey" if step_up else "sign-in, passkey")
    target = str(data.get("next") or "/account")
    response = _json({"next": target if target.startswith("/account") else "/account"})
    set_session(response, token, int((record.expires_at - web.clock()).total_seconds()))
    return response
