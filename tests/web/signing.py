"""What Telegram signs (Mini App initData, Login Widget data), computed here as Telegram documents it,
and a cookie-keeping HTTP client for pages that set ``Secure`` cookies over plain HTTP on 127.0.0.1."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from typing import Any
from urllib.parse import urlencode

import httpx


def init_data(bot_token: str, user_id: int, auth_date: int, name: str = "Ana", **extra: str) -> str:
    """``initData`` as Telegram hands it to a Mini App: HMAC with the key HMAC("WebAppData", token)."""
    fields = {"auth_date": str(auth_date), "query_id": "AAH" + str(user_id),
              "user": json.dumps({"id": user_id, "first_name": name, "language_code": "en"}, separators=(",", ":")),
              **extra}
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


def widget_data(bot_token: str, user_id: int, auth_date: int, name: str = "Ana") -> dict[str, Any]:
    """The Login Widget's user data: HMAC with the key SHA-256(token)."""
    fields: dict[str, Any] = {"id": user_id, "first_name": name, "username": "ana", "auth_date": auth_date}
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields))
    fields["hash"] = hmac.new(hashlib.sha256(bot_token.encode()).digest(), check.encode(), hashlib.sha256).hexdigest()
    return fields


class Browser:
    """Keeps cookies by hand (httpx will not send a ``Secure`` cookie over http) and the page's CSRF secret."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def _keep(self, response: httpx.Response) -> None:
        for header in response.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0].strip('"')
            if "Max-Age=0" in header or not value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        found = re.search(r'name="csrf-token" content="([^"]*)"', response.text) if "html" in response.headers.get(
            "content-type", "") else None
        if found and found.group(1):
            self.csrf = found.group(1)

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        return {**headers, **(extra or {})}

    async def get(self, path: str, follow_redirects: bool = False) -> httpx.Response:
        response = await self.http.get(path, headers=self._headers(), follow_redirects=follow_redirects)
        self._keep(response)
        return response

    async def post(self, path: str, *, json_body: Any = None, form: dict[str, str] | None = None,
                   headers: dict[str, str] | None = None, csrf: bool = True) -> httpx.Response:
        extra = dict(headers or {})
        if csrf and json_body is not None:
            extra.setdefault("X-CSRF-Token", self.csrf)
        if form is not None and csrf:
            form = {"csrf": self.csrf, **form}
        response = await self.http.post(path, json=json_body, data=form, headers=self._headers(extra))
        self._keep(response)
        return response

    async def sign_in(self, landing: str, endpoint: str, credential: str) -> httpx.Response:
        """What the landing page's script does: post the credential, then open the page it names."""
        await self.get(landing)
        answer = await self.post(endpoint, json_body={"credential": credential})
        if answer.status_code == 200 and str(answer.json().get("next", "")).startswith("/account"):
            await self.get(answer.json()["next"])
        return answer
