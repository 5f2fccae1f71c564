"""Frozen records of accounts; no SQLAlchemy object leaves ``core.accounts``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Role = Literal["owner", "admin", "member"]
ROLES: tuple[Role, ...] = ("member", "admin", "owner")  # weakest first


@dataclass(frozen=True)
class AccountRecord:
    id: int
    kind: str  # person | team
    plan: str
    display_name: str
    language: str | None
    created_at: datetime


@dataclass(frozen=True)
class IdentityRecord:
    id: int
    user_id: int
    platform: str  # telegram | slack | console | email | slack_team | telegram_group
    workspace: str
    external_id: str
    created_at: datetime

    @property
    def personal(self) -> bool:
        """A way a person signs in (not the identity of a team or group account)."""
        return not self.platform.endswith(("_team", "_group"))


@dataclass(frozen=True)
class SessionRecord:
    id: int
    user_id: int
    csrf: str
    method: str
    second_factor: bool
    verified_at: datetime | None
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class ApiTokenRecord:
    id: int
    user_id: int
    name: str
    prefix: str
    scopes: tuple[str, ...]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True)
class PendingAction:
    id: int
    user_id: int
    nonce: str
    action: str
    step: int
    argument: str
    expires_at: datetime
