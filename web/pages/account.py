"""``/account``: linked identities, two-factor, sessions, API tokens, export and deletion."""

from __future__ import annotations

import io
from typing import Any

import segno
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from core.errors import SecondFactorInvalid, TooManyAttempts
from core.messages import say
from core.storage.tables import SiteRow
from core.studio.account_flow import identity_label
from web.pages.guard import Visitor, changing, sensitive, signed_in
from web.rendering import render
from web.security import client_address, secured
from web.session_cookies import end_cookie, set_session


async def _page(visitor: Visitor, status: int = 200, **extra: Any) -> Response:
    accounts = visitor.web.accounts
    user = visitor.account.id
    async with accounts.store.session() as session:
        sites = list(await session.scalars(select(SiteRow).where(SiteRow.owner_id == user).order_by(SiteRow.id)))
    identities = [identity_label(visitor.locale, i) for i in await accounts.directory.identities(user)]
    two_factor = await accounts.two_factor.enabled(user)
    values: dict[str, Any] = {
        "csrf": visitor.session.csrf, "account": visitor.account, "sites": sites, "identities": identities,
        "two_factor": two_factor, "recovery_left": await accounts.two_factor.recovery_left(user) if two_factor else 0,
        "passkeys": await accounts.passkeys.of_account(user) if two_factor else [],
        "tokens": await accounts.tokens.of_account(user), "sessions": len(await accounts.sessions.of_account(user)),
    }
    values.update(extra)
    if "totp_uri" not in values and not two_factor:
        values["totp_uri"] = await accounts.two_factor.pending_uri(user, visitor.account.display_name)
    if values.get("totp_uri"):
        values["totp_secret"] = str(values["totp_uri"]).split("secret=", 1)[1].split("&", 1)[0]
    return render("account.html", visitor.locale, status=status, **values)


async def account_page(request: Request) -> Response:
    visitor = await signed_in(request)
    return visitor if not isinstance(visitor, Visitor) else await _page(visitor)


async def two_factor_start(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    uri = await visitor.web.accounts.two_factor.begin(visitor.account.id, visitor.account.display_name)
    return await _page(visitor, totp_uri=uri)


async def two_factor_qr(request: Request) -> Response:
    """The enrolment QR code as SVG, drawn here (no third-party service sees the secret)."""
    visitor = await signed_in(request)
    if not isinstance(visitor, Visitor):
        return visitor
    uri = await visitor.web.accounts.two_factor.pending_uri(visitor.account.id, visitor.account.display_name)
    if uri is None:
        return secured(Response(status_code=404))
    buffer = io.BytesIO()
    segno.make(uri, error="m").save(buffer, kind="svg", scale=5, border=2)
    return secured(Response(buffer.getvalue(), media_type="image/svg+xml"))


async def two_factor_confirm(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    accounts = visitor.web.accounts
    try:
        codes = await accounts.two_factor.confirm(visitor.account.id, str(visitor.data.get("code") or ""), client_address(request))
    except (SecondFactorInvalid, TooManyAttempts) as error:
        return await _page(visitor, status=400, error=say(visitor.locale, f"error_{error.code}", **error.params))
    await accounts.record("second_factor", visitor.account.id, "turned on")
    token, record = await accounts.sessions.rotate(visitor.session.id, second_factor=True, verified=True)  # privilege changed
    fresh = Visitor(visitor.web, record, visitor.account, visitor.locale, {})
    response = await _page(fresh, recovery_codes=codes, totp_uri=None)
    set_session(response, token, int((record.expires_at - visitor.web.clock()).total_seconds()))
    return response


async def step_up(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    accounts = visitor.web.accounts
    target = str(visitor.data.get("next") or "/account")
    target = target if target.startswith("/account") else "/account"
    try:
        how = await accounts.two_factor.verify(visitor.account.id, str(visitor.data.get("code") or ""), client_address(request))
    except (SecondFactorInvalid, TooManyAttempts) as error:
        return render("second_factor.html", visitor.locale, status=400, csrf=visitor.session.csrf, action="/account/step-up",
                      next=target, passkey=await accounts.passkeys.any(visitor.account.id), error=say(visitor.locale, f"error_{error.code}", **error.params))
    token, record = await accounts.sessions.rotate(visitor.session.id, verified=True)
    await accounts.record("second_factor", visitor.account.id, f"step-up, {how}")
    fresh = Visitor(visitor.web, record, visitor.account, visitor.locale, {})
    response = await _page(fresh)
    set_session(response, token, int((record.expires_at - visitor.web.clock()).total_seconds()))
    return response


async def sign_out(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    await visitor.web.accounts.sessions.end(visitor.session.id)
    await visitor.web.accounts.record("sign_out", visitor.account.id, "this browser")
    response = secured(RedirectResponse("/auth/sign-in", status_code=303))
    end_cookie(response)
    return response


async def sign_out_everywhere(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    count = await visitor.web.accounts.sessions.end_all(visitor.account.id)
    await visitor.web.accounts.record("sign_out", visitor.account.id, f"everywhere ({count} sessions)")
    response = secured(RedirectResponse("/auth/sign-in", status_code=303))
    end_cookie(response)
    return response


async def token_create(request: Request) -> Response:
    visitor = await sensitive(request)
    if not isinstance(visitor, Visitor):
        return visitor
    scopes = ("read", "publish") if visitor.data.get("publish") else ("read",)
    token, record = await visitor.web.accounts.tokens.create(visitor.account.id, str(visitor.data.get("name") or ""), scopes)
    await visitor.web.accounts.record("api_token", visitor.account.id, f"created {record.prefix} ({' '.join(scopes)})")
    return await _page(visitor, new_token=token)


async def token_revoke(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    token_id = int(request.path_params["token_id"])
    if await visitor.web.accounts.tokens.revoke(visitor.account.id, token_id):
        await visitor.web.accounts.record("api_token", visitor.account.id, f"revoked #{token_id}")
    return secured(RedirectResponse("/account", status_code=303))


async def export(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    accounts = visitor.web.accounts
    data = await accounts.export.zip(visitor.account.id, await accounts.two_factor.enabled(visitor.account.id))
    await accounts.record("export", visitor.account.id, f"{len(data)} bytes, from the web")
    headers = {"Content-Disposition": 'attachment; filename="pagemagic-export.zip"'}
    return secured(Response(data, media_type="application/zip", headers=headers))


async def delete(request: Request) -> Response:
    """Deletion from the web: the confirmation word, and a two-factor code typed now when it is on."""
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    accounts = visitor.web.accounts
    word = say(visitor.locale, "web_delete_word")
    if str(visitor.data.get("confirm") or "").strip().upper() != word.upper():
        return await _page(visitor, status=400, error=say(visitor.locale, "web_delete_warning"))
    if await accounts.two_factor.enabled(visitor.account.id):
        try:
            await accounts.two_factor.verify(visitor.account.id, str(visitor.data.get("code") or ""), client_address(request))
        except (SecondFactorInvalid, TooManyAttempts) as error:
            return await _page(visitor, status=400, error=say(visitor.locale, f"error_{error.code}", **error.params))
    await visitor.web.studio.account_flow.delete_now(visitor.account.id)
    response = render("message.html", visitor.locale, csrf="", text=say(visitor.locale, "web_deleted"), back="/auth/sign-in")
    end_cookie(response)
    return response
