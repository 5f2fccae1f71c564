"""Neutral, frozen records the store returns; no SQLAlchemy object leaves storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.site.site import Site
from core.site.values import Language
from core.storage.tables import DOMAIN_CLAIMED, DOMAIN_ENDED


@dataclass(frozen=True)
class ChatRef:
    """Who is talking, and where: what every adapter hands to Studio.

    ``chat_id`` identifies the conversation (a Telegram chat, a Slack channel
    or thread, a terminal session); ``user_id`` the person in it.
    """

    platform: str
    chat_id: str
    user_id: str
    workspace: str = ""
    user_name: str = ""
    language: Language | None = None
    # A shared chat (a Slack channel, a Telegram group): ``team`` names the team account that owns
    # its site ("T123" for a Slack workspace, the group's chat id), ``role`` what the platform says
    # the person is there (owner/admin/member; None: not looked up). Empty in a private chat.
    team: str = ""
    role: str | None = None

    @property
    def identity(self) -> tuple[str, str, str]:
        """(platform, workspace, external id) of the person talking."""
        return (self.platform, self.workspace, self.user_id)


@dataclass(frozen=True)
class ConversationRecord:
    id: int
    user_id: int
    plan: str
    language: Language | None
    site_id: int | None
    language_chosen: bool = False  # set with /language: kept, never overridden by detection


@dataclass(frozen=True)
class SiteRecord:
    id: int
    owner_id: int
    slug: str
    name: str
    current_version: int
    head_version: int
    preview_token: str
    preview_expires_at: datetime


@dataclass(frozen=True)
class VersionRecord:
    site_id: int
    number: int
    parent_number: int | None
    instruction: str
    created_at: datetime
    site: Site


@dataclass(frozen=True)
class VersionInfo:
    """A version without its site: what /history lists and /redo chooses from."""

    site_id: int
    number: int
    parent_number: int | None
    instruction: str
    created_at: datetime


@dataclass(frozen=True)
class DeploymentRecord:
    id: int
    site_id: int
    version: int
    backend: str
    status: str
    url: str
    release: str
    created_at: datetime


@dataclass(frozen=True)
class DomainRecord:
    site_id: int
    name: str
    status: str
    token: str

    @property
    def held(self) -> bool:
        """The site holds the name (it is routed); False for a claim still unproven, lost or expired."""
        return self.status != DOMAIN_CLAIMED and self.status not in DOMAIN_ENDED
