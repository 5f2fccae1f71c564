"""Headers, cookies and CSRF for every web response.

- CSP without ``unsafe-inline``: scripts and styles only from this origin (``/web/static``).
- The session cookie is ``Secure; HttpOnly; SameSite=Lax``; its value is a random token
  whose hash the database keeps (``core.accounts.sessions``).
- CSRF: every state-changing request carries the session's CSRF secret (a form field or the
  ``X-CSRF-Token`` header); before sign-in a random cookie plays that part (double submit).
  A request whose ``Origin`` is another site is refused either way.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "pm_session"
PRE_COOKIE = "pm_csrf"  # before sign-in: the double-submit secret
OIDC_COOKIE = "pm_oidc"  # Sign in with Slack: state and nonce for the round trip
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; manifest-src 'self'; frame-src 'self'; "
    "form-action 'self' https:; base-uri 'none'; frame-ancestors https://web.telegram.org 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # "no-referrer" makes Chrome send "Origin: null" on our own forms
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "no-store",
}


def secured(response: Response) -> Response:
    response.headers.update(HEADERS)
    return response


def set_cookie(response: Response, name: str, value: str, max_age: int | None = None, samesite: str = "lax") -> None:
    response.set_cookie(name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite=samesite)  # type: ignore[arg-type]


def clear_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, path="/", secure=True, httponly=True, samesite="lax")


def pre_session_secret(request: Request) -> tuple[str, bool]:
    """(the double-submit secret, whether it must be set as a cookie now)."""
    existing = request.cookies.get(PRE_COOKIE, "")
    if 20 <= len(existing) <= 64:
        return existing, False
    return secrets.token_urlsafe(24), True


def same_origin(request: Request, origin: str) -> bool:
    """A browser names the page a POST comes from; it must be ours (absent: not a browser's cross-site post)."""
    sent = request.headers.get("origin")
    return sent is None or sent == origin


def token_matches(expected: str, given: str | None) -> bool:
    return bool(expected) and given is not None and hmac.compare_digest(expected.encode(), given.encode())


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
