"""The locale of a page: the account's (its last chat's), else the browser's ``Accept-Language``."""

from __future__ import annotations

from starlette.requests import Request

from core.i18n.locales import locale_from_tag
from core.site.values import Language


def page_locale(request: Request, account_language: str | None = None) -> Language:
    if account_language:
        found = locale_from_tag(account_language.replace("_", "-"))
        if found is not None:
            return found
    for part in request.headers.get("accept-language", "").split(","):
        found = locale_from_tag(part.split(";", 1)[0].strip())
        if found is not None:
            return found
    return "en"
