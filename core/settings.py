"""Settings: read once at start-up from ``PAGEMAGIC_*`` variables, frozen, passed down.

Every default is the embedded one, so ``pagemagic chat`` needs no setup:
SQLite under ``.pagemagic/``, the offline generator, local hosting and a
preview server on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """All of Page Magic's settings; the README lists each with its meaning."""

    model_config = SettingsConfigDict(env_prefix="PAGEMAGIC_", frozen=True, extra="ignore")

    home: Path = Field(default=Path(".pagemagic"), description="Folder for the SQLite database and published releases.")
    database_url: SecretStr | None = Field(
        default=None,
        description="SQLAlchemy URL; postgresql+asyncpg://... for PostgreSQL. Default: SQLite under home.",
    )
    host: str = Field(default="127.0.0.1", description="Address the preview and site server binds to.")
    port: Annotated[int, Field(ge=0, le=65535)] = Field(
        default=8400, description="Port of the preview and site server (0 picks a free one)."
    )
    public_url: str | None = Field(
        default=None, description="Base URL users reach the server at; default http://HOST:PORT."
    )
    hosting: Literal["local"] = Field(default="local", description="Hosting backend for /publish.")
    generator: Literal["offline"] = Field(default="offline", description="Site generator.")
    generator_delay: Annotated[float, Field(ge=0, le=10)] = Field(
        default=0.0, description="Seconds the offline generator waits per section, to mimic a model."
    )
    preview_ttl_hours: Annotated[float, Field(gt=0, le=24 * 365)] = Field(
        default=72.0, description="How long a preview link stays valid after the last change."
    )
    max_message_chars: Annotated[int, Field(ge=100, le=100_000)] = Field(
        default=4000, description="Longest chat message accepted."
    )
    releases_kept: Annotated[int, Field(ge=2, le=100)] = Field(
        default=5, description="Published releases kept per site for rollback."
    )
    usage_flush_seconds: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=5.0, description="How often request and byte counters of served sites are stored."
    )
    plan: Literal["free", "pro", "business"] = Field(default="free", description="Plan of new accounts.")
    telegram_token: SecretStr | None = Field(
        default=None, description="Telegram bot token from @BotFather; when set, `pagemagic serve` runs the bot."
    )
    telegram_driver: Literal["aiogram", "ptb"] = Field(
        default="aiogram", description="Telegram library: aiogram 3 (default) or python-telegram-bot 22."
    )
    telegram_webhook_url: str | None = Field(
        default=None, description="Public HTTPS URL Telegram posts updates to; unset means long polling."
    )
    telegram_webhook_secret: SecretStr | None = Field(
        default=None,
        description="Value of X-Telegram-Bot-Api-Secret-Token the webhook requires; default: random per start.",
    )
    telegram_api_base: str = Field(
        default="https://api.telegram.org",
        description="Bot API server (a self-hosted telegram-bot-api, or a test stand-in).",
    )

    @field_validator("home")
    @classmethod
    def _absolute_home(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return f"sqlite+aiosqlite:///{self.home / 'pagemagic.db'}"

    @property
    def releases_dir(self) -> Path:
        return self.home / "sites"
