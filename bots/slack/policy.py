"""Who may do what from Slack: the workspace rule, kept out of the Bolt handlers.

With ``PAGEMAGIC_SLACK_PUBLISH_ADMINS_ONLY`` only workspace admins and owners
(as ``users.info`` reports them) may publish, unpublish or change domains; everyone may
describe, refine, undo and read.
"""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk.web.async_client import AsyncWebClient

RESTRICTED = frozenset({"publish", "unpublish", "domain"})


@dataclass(frozen=True)
class PublishPolicy:
    admins_only: bool = False

    def restricts(self, command: str) -> bool:
        return self.admins_only and command in RESTRICTED

    async def allows(self, command: str, user_id: str, client: AsyncWebClient) -> bool:
        """True when ``user_id`` may run ``command`` (a users.info call only when it matters)."""
        if not self.restricts(command):
            return True
        response = await client.users_info(user=user_id)
        user = response.get("user") or {}
        return any(bool(user.get(flag)) for flag in ("is_admin", "is_owner", "is_primary_owner"))
