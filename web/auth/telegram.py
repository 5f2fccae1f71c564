"""Telegram: the Mini App's ``initData`` and the Login Widget's data, both signed with the bot token.

Mini App: HMAC-SHA256 with the key HMAC("WebAppData", bot token), checked by aiogram's
``safe_parse_webapp_init_data`` as Telegram documents. Login Widget: HMAC-SHA256 with the
key SHA-256(bot token), checked by aiogram's ``check_signature``. Either way the data is
refused when its ``auth_date`` is older than ``FRESH`` (or in the future), and each signed
payload signs in once (a replay inside the window is refused too).
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from aiogram.utils.auth_widget import check_signature
from aiogram.utils.web_app import safe_parse_webapp_init_data
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from core.accounts.attempts import Limit
from core.accounts.secrets import digest
from core.errors import TooManyAttempts
from web.auth.common import credential, landing, refused
from web.context import Web
from web.security import secured
from web.session_cookies import complete

FRESH = timedelta(minutes=10)
_ONCE = Limit(1, FRESH + timedelta(minutes=1))


async def _first_use(web: Web, signature: str) -> bool:
    key = f"telegram-signed:{digest(signature)}"
    try:
        await web.accounts.attempts.check(key, _ONCE)
    except TooManyAttempts:
        return False
    await web.accounts.attempts.fail(key, _ONCE)
    return True


def _fresh(web: Web, auth_date: float) -> bool:
    age = web.clock().timestamp() - auth_date
    return -60 <= age <= FRESH.total_seconds()


async def webapp_page(request: Request) -> Response:
    """``/app/``: the Mini App's entry; its script posts ``tgWebAppData`` from the fragment."""
    return landing(request, "webapp", "/auth/telegram/webapp")


async def webapp_sign_in(request: Request) -> Response:
    web: Web = request.app.state.web
    init_data, error = await credential(request, web)
    if error is not None:
        return await refused(request, web, error)
    token = web.config.telegram_token
    if not token or not init_data:
        return await refused(request, web, "invalid")
    try:
        data = safe_parse_webapp_init_data(token, init_data)
    except ValueError:
        return await refused(request, web, "forged")
    if data.user is None or not _fresh(web, data.auth_date.timestamp()) or not await _first_use(web, data.hash):
        return await refused(request, web, "stale or replayed")
    name = " ".join(p for p in (data.user.first_name, data.user.last_name) if p)
    user_id = await web.accounts.directory.account_for("telegram", "", str(data.user.id), name=name)
    return await complete(request, web, user_id, "telegram_webapp", then="/app/")  # the Mini App opens the dashboard


async def widget_start(request: Request) -> Response:
    """Off to Telegram's login page (a plain navigation, no third-party script on ours)."""
    web: Web = request.app.state.web
    query = urlencode({
        "bot_id": web.config.bot_id, "origin": web.config.origin, "request_access": "write",
        "return_to": f"{web.config.public_url}/auth/telegram/return",
    })
    return secured(RedirectResponse(f"{web.config.telegram_login_base}/auth?{query}", status_code=303))


async def widget_page(request: Request) -> Response:
    """Telegram comes back with ``#tgAuthResult=…`` (base64 JSON of the signed user data)."""
    return landing(request, "widget", "/auth/telegram/widget")


async def widget_sign_in(request: Request) -> Response:
    web: Web = request.app.state.web
    raw, error = await credential(request, web)
    if error is not None:
        return await refused(request, web, error)
    token = web.config.telegram_token
    try:
        fields: dict[str, Any] = json.loads(raw) if raw else {}
    except ValueError:
        fields = {}
    if not token or not isinstance(fields, dict) or "hash" not in fields or "id" not in fields:
        return await refused(request, web, "invalid")
    values = {k: str(v) for k, v in fields.items() if k != "hash"}
    if not check_signature(token, str(fields["hash"]), **values):
        return await refused(request, web, "forged")
    auth_date = float(values.get("auth_date", "0") or 0)
    if not _fresh(web, auth_date) or not await _first_use(web, str(fields["hash"])):
        return await refused(request, web, "stale or replayed")
    name = " ".join(values.get(k, "") for k in ("first_name", "last_name")).strip()
    user_id = await web.accounts.directory.account_for("telegram", "", values["id"], name=name)
    return await complete(request, web, user_id, "telegram_widget")
