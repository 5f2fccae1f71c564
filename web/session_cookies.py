"""Sessions as the browser sees them: read from the cookie, started at sign-in, checked for CSRF."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from core.accounts.records import SessionRecord
from core.accounts.sessions import FirstFactor
from core.observability.context import current_request_id
from web.context import Web
from web.security import (
    PRE_COOKIE,
    SESSION_COOKIE,
    clear_cookie,
    same_origin,
    secured,
    set_cookie,
    token_matches,
)


async def current(request: Request, web: Web) -> SessionRecord | None:
    """The live session of this browser, or None (no cookie, expired, signed out)."""
    cached = getattr(request.state, "session", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    record = await web.accounts.sessions.resume(request.cookies.get(SESSION_COOKIE, ""))
    request.state.session = record
    return record


async def complete(
    request: Request, web: Web, user_id: int | FirstFactor, method: str, then: str = "/account"
) -> Response:
    """After a first factor: a new session (a new token, whatever the browser had), and where to go next.

    ``user_id`` may be the first factor itself, checked in the session's transaction (its
    ``SignInInvalid`` is the caller's to answer)."""
    token, record = await web.accounts.sessions.sign_in(user_id, method, current_request_id() or "")
    old = await current(request, web)
    if old is not None:
        await web.accounts.sessions.end(old.id)
    response = secured(JSONResponse({"next": then if record.second_factor else "/auth/2fa"}))
    seconds = int((record.expires_at - record.created_at).total_seconds())
    set_cookie(response, SESSION_COOKIE, token, max_age=seconds)
    clear_cookie(response, PRE_COOKIE)
    return response


def set_session(response: Response, token: str, max_age: int) -> None:
    set_cookie(response, SESSION_COOKIE, token, max_age=max_age)


def end_cookie(response: Response) -> None:
    clear_cookie(response, SESSION_COOKIE)


async def form_or_json(request: Request) -> dict[str, Any]:
    """The body of a POST: a form (pages) or JSON (the sign-in scripts); bounded."""
    body = await request.body()
    if len(body) > 64_000:
        return {}
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            value = json.loads(body or b"{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}
    # Our forms are urlencoded (no uploads here), read without a multipart parser.
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


def csrf_ok(request: Request, web: Web, data: dict[str, Any], expected: str) -> bool:
    """The request's CSRF secret (header or field) matches, and it comes from our own pages."""
    given = request.headers.get("x-csrf-token") or data.get("csrf")
    return same_origin(request, web.config.origin) and token_matches(expected, given if isinstance(given, str) else None)
