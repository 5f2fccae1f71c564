"""``/auth/link#TOKEN``: the one-time link ``/dashboard`` (or an emailed sign-in) hands out."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from core.errors import SignInInvalid
from web.auth.common import credential, landing, refused
from web.context import Web
from web.session_cookies import complete


async def link_page(request: Request) -> Response:
    return landing(request, "link", "/auth/link")


async def link_sign_in(request: Request) -> Response:
    web: Web = request.app.state.web
    token, error = await credential(request, web)
    if error is not None:
        return await refused(request, web, error)

    async def redeem(session: AsyncSession) -> int:
        user_id, _payload = await web.accounts.links.redeem_in(session, token)
        return user_id

    try:  # the link is used and the session made in one transaction
        return await complete(request, web, redeem, "link")
    except SignInInvalid:
        return await refused(request, web, "invalid")
