"""Email: a magic sign-in link for an address already linked to an account, and the link
that proves an address (``/email`` in a chat) before it is linked.

The answer to "mail me a link" is the same whether or not the address is known (no
address can be probed), and asking is limited per address and per client address.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from core.accounts.attempts import EMAIL_LINK
from core.errors import AlreadyLinked, SignInInvalid, TooManyAttempts
from core.messages import say
from core.studio.account_flow import EMAIL_RE
from web.auth.common import credential, landing, refused
from web.context import Web
from web.i18n import page_locale
from web.rendering import render
from web.security import PRE_COOKIE, client_address, secured
from web.session_cookies import csrf_ok, form_or_json


async def email_request(request: Request) -> Response:
    web: Web = request.app.state.web
    locale = page_locale(request)
    data = await form_or_json(request)
    if not csrf_ok(request, web, data, request.cookies.get(PRE_COOKIE, "")):
        return render("message.html", locale, status=403, csrf="", text=say(locale, "web_refused"))
    address = str(data.get("email") or "").strip().lower()
    notice = say(locale, "web_email_sent")
    try:
        for key in (f"email:{address}", f"email-ip:{client_address(request)}"):
            await web.accounts.attempts.check(key, EMAIL_LINK)
            await web.accounts.attempts.fail(key, EMAIL_LINK)  # every request counts, found or not
    except TooManyAttempts as limited:
        return render("message.html", locale, status=429, csrf="", text=say(locale, "error_too_many_attempts", **limited.params))
    if EMAIL_RE.match(address) and web.mail is not None:
        identity = await web.accounts.directory.find("email", "", address)
        if identity is not None:
            account = await web.accounts.directory.account(identity.user_id)
            mail_locale = page_locale(request, account.language if account else None)
            token = await web.accounts.links.issue(identity.user_id)
            url = web.accounts.sign_in_url(token)
            await web.mail.send(address, say(mail_locale, "mail_sign_in_subject"), say(mail_locale, "mail_sign_in_body", url=url))
    return render("message.html", locale, csrf="", text=notice)


async def verify_page(request: Request) -> Response:
    return landing(request, "verify", "/auth/email/verify")


async def verify(request: Request) -> Response:
    """The address's owner opened the link: the address joins the account that asked."""
    web: Web = request.app.state.web
    locale = page_locale(request)
    token, error = await credential(request, web)
    if error is not None:
        return await refused(request, web, error)
    try:
        user_id, address = await web.accounts.links.redeem(token, "verify_email")
        await web.accounts.directory.add_identity(user_id, "email", "", address)
    except (SignInInvalid, AlreadyLinked):
        return await refused(request, web, "invalid")
    await web.accounts.record("link", user_id, "email linked")
    from starlette.responses import JSONResponse

    return secured(JSONResponse({"next": "/auth/sign-in?notice=email", "message": say(locale, "web_email_confirmed", email=address)}))
