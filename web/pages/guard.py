"""The checks every signed-in page makes, in one place the dashboard reuses.

``signed_in``: a live session whose second factor is done (else a redirect to finish
signing in). ``changing``: that plus the CSRF secret of the session on a state-changing
request. ``sensitive``: that plus, when the account has two-factor on, a code typed within
the last ten minutes (plan, domains, merges, deletion, API tokens).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from core.accounts.records import AccountRecord, SessionRecord
from core.messages import say
from core.site.values import Language
from web.context import Web
from web.i18n import page_locale
from web.rendering import render
from web.security import secured
from web.session_cookies import csrf_ok, current, form_or_json


@dataclass(frozen=True)
class Visitor:
    web: Web
    session: SessionRecord
    account: AccountRecord
    locale: Language
    data: dict[str, Any]


async def signed_in(request: Request) -> Visitor | Response:
    web: Web = request.app.state.web
    session = await current(request, web)
    if session is None:
        return secured(RedirectResponse("/auth/sign-in", status_code=303))
    if not session.second_factor:
        return secured(RedirectResponse("/auth/2fa", status_code=303))
    account = await web.accounts.directory.account(session.user_id)
    if account is None:
        return secured(RedirectResponse("/auth/sign-in", status_code=303))
    return Visitor(web, session, account, page_locale(request, account.language), {})


async def changing(request: Request) -> Visitor | Response:
    visitor = await signed_in(request)
    if not isinstance(visitor, Visitor):
        return visitor
    data = await form_or_json(request)
    if not csrf_ok(request, visitor.web, data, visitor.session.csrf):
        return render("message.html", visitor.locale, status=403, csrf="", text=say(visitor.locale, "web_refused"), back="/account")
    return Visitor(visitor.web, visitor.session, visitor.account, visitor.locale, data)


async def sensitive(request: Request) -> Visitor | Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    accounts = visitor.web.accounts
    if await accounts.two_factor.enabled(visitor.account.id) and not accounts.sessions.recently_verified(visitor.session):
        return render(
            "second_factor.html", visitor.locale, status=401, csrf=visitor.session.csrf, action="/account/step-up",
            next=request.url.path, intro=say(visitor.locale, "web_step_up"), passkey=await accounts.passkeys.any(visitor.account.id),
        )
    return visitor
