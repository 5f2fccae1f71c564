"""What every web handler needs, built once from settings (``web.app.web_routes``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from core.accounts.service import AccountService
from core.storage.tables import utcnow
from core.studio import Studio
from core.studio.account_flow import MailPort


@dataclass(frozen=True)
class WebConfig:
    public_url: str
    telegram_token: str | None = None  # validates Mini App data and Login Widget data
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_base: str = "https://slack.com/api/"
    slack_oauth_base: str = "https://slack.com"
    telegram_login_base: str = "https://oauth.telegram.org"

    def __repr__(self) -> str:  # never show the secrets
        return f"WebConfig(public_url={self.public_url!r})"

    @property
    def origin(self) -> str:
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def bot_id(self) -> str:
        return (self.telegram_token or "").split(":", 1)[0]


@dataclass
class Web:
    config: WebConfig
    studio: Studio
    mail: MailPort | None = None
    clock: Callable[[], datetime] = utcnow

    @property
    def accounts(self) -> AccountService:
        return self.studio.accounts
