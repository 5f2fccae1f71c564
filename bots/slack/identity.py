"""Checking a Slack bot token at start-up with ``auth.test``, as Telegram's token is with ``getMe``.

Bolt's async app only calls ``auth.test`` when the first request arrives, so a wrong token used
to be accepted at start and fail later in front of a user. ``pagemagic serve`` asks first.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import aiohttp
from slack_sdk.errors import SlackApiError

from bots.slack.app import web_client
from core.errors import PageMagicError
from core.settings import Settings

# auth.test errors that mean the token itself is refused (https://docs.slack.dev/reference/methods/auth.test)
REFUSED = frozenset({"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"})
CHECK_TIMEOUT = 15.0


class SlackTokenRejected(PageMagicError):
    """Slack refused PAGEMAGIC_SLACK_BOT_TOKEN: start-up stops."""

    code = "slack_token_rejected"


class SlackUnreachable(PageMagicError):
    """The Slack Web API could not be asked about the token: start-up stops, as for Telegram."""

    code = "slack_unreachable"


@dataclass(frozen=True)
class SlackIdentity:
    """Whose token it is: the workspace and the bot user."""

    team: str
    team_id: str
    user: str
    user_id: str


async def check_bot_token(settings: Settings) -> SlackIdentity:
    """``auth.test`` with the configured bot token; the token is never part of an error."""
    assert settings.slack_bot_token is not None
    client = web_client(settings, settings.slack_bot_token.get_secret_value())
    base = settings.slack_api_base
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            answer = await client.auth_test()
    except SlackApiError as error:
        code = str(error.response.get("error", "")) if error.response is not None else ""
        if code in REFUSED:
            raise SlackTokenRejected(
                f"the Slack Web API at {base} refused PAGEMAGIC_SLACK_BOT_TOKEN ({code}); "
                "check the Bot User OAuth Token of the app's installation"
            ) from None
        raise SlackUnreachable(f"auth.test at {base} failed: {code or 'unknown error'}") from None
    except (aiohttp.ClientError, TimeoutError) as error:
        raise SlackUnreachable(f"cannot reach the Slack Web API at {base}: {type(error).__name__}") from None
    return SlackIdentity(
        team=str(answer.get("team", "")),
        team_id=str(answer.get("team_id", "")),
        user=str(answer.get("user", "")),
        user_id=str(answer.get("user_id", "")),
    )
