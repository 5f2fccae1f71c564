"""``/auth/2fa``: the code asked after the first factor, when the account has two-factor on.

A right code rotates the session (new token, new CSRF secret) and marks it complete; a
wrong one is counted per account and per address (``core.accounts.attempts``).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from core.errors import SecondFactorInvalid, TooManyAttempts
from core.messages import say
from web.context import Web
from web.i18n import page_locale
from web.rendering import render
from web.security import client_address, secured
from web.session_cookies import csrf_ok, current, form_or_json, set_session


async def second_factor_page(request: Request) -> Response:
    web: Web = request.app.state.web
    session = await current(request, web)
    if session is None:
        return secured(RedirectResponse("/auth/sign-in", status_code=303))
    if session.second_factor:
        return secured(RedirectResponse("/account", status_code=303))
    account = await web.accounts.directory.account(session.user_id)
    locale = page_locale(request, account.language if account else None)
    passkey = await web.accounts.passkeys.any(session.user_id)
    return render("second_factor.html", locale, csrf=session.csrf, action="/auth/2fa", next="/account", passkey=passkey)


async def second_factor_check(request: Request) -> Response:
    web: Web = request.app.state.web
    session = await current(request, web)
    if session is None:
        return secured(RedirectResponse("/auth/sign-in", status_code=303))
    account = await web.accounts.directory.account(session.user_id)
    locale = page_locale(request, account.language if account else None)
    data = await form_or_json(request)
    if not csrf_ok(request, web, data, session.csrf):
        return render("message.html", locale, status=403, csrf="", text=say(locale, "web_refused"))
    try:
        how = await web.accounts.two_factor.verify(session.user_id, str(data.get("code") or ""), client_address(request))
    except (SecondFactorInvalid, TooManyAttempts) as error:
        text = say(locale, f"error_{error.code}", **error.params)
        return render("second_factor.html", locale, status=400, csrf=session.csrf, action="/auth/2fa", next="/account", error=text,
                      passkey=await web.accounts.passkeys.any(session.user_id))
    token, record = await web.accounts.sessions.rotate(session.id, second_factor=True, verified=True)
    await web.accounts.record("second_factor", session.user_id, f"sign-in, {how}")
    response = secured(RedirectResponse("/account", status_code=303))
    set_session(response, token, int((record.expires_at - web.clock()).total_seconds()))
    return response
