"""Which front doors ``pagemagic serve`` opens, and why one stays closed.

A front door that is half configured (a Slack signing secret without a bot token or OAuth
client, a Telegram webhook URL without a token) used to be skipped without a word; the
operator now reads, at start, each door and the setting it lacks. Variable names only: a
value may be a secret.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.settings import Settings


@dataclass(frozen=True)
class DoorState:
    """One front door: on, or off with the catalog key (and parameters) that says why."""

    name: str  # "telegram", "slack", "stripe"
    on: bool
    reason: str = ""  # message key when off
    params: dict[str, str] = field(default_factory=dict)


def telegram_door(settings: Settings) -> DoorState:
    if settings.telegram_token is not None:
        return DoorState("telegram", True)
    if settings.telegram_webhook_url or settings.telegram_webhook_secret is not None:
        return DoorState("telegram", False, "door_needs", {"have": "PAGEMAGIC_TELEGRAM_WEBHOOK_URL", "need": "PAGEMAGIC_TELEGRAM_TOKEN"})
    return DoorState("telegram", False, "door_not_configured", {"need": "PAGEMAGIC_TELEGRAM_TOKEN"})


def slack_door(settings: Settings) -> DoorState:
    """On with a signing secret plus a bot token (one workspace) or an OAuth client id and secret (many)."""
    secret = settings.slack_signing_secret is not None
    token = settings.slack_bot_token is not None
    client_id, client_secret = bool(settings.slack_client_id), settings.slack_client_secret is not None
    if secret and (token or (client_id and client_secret)):
        return DoorState("slack", True)
    if not (secret or token or client_id or client_secret):
        return DoorState("slack", False, "door_not_configured", {"need": "PAGEMAGIC_SLACK_SIGNING_SECRET"})
    if not secret:
        have = "PAGEMAGIC_SLACK_BOT_TOKEN" if token else "PAGEMAGIC_SLACK_CLIENT_ID/_CLIENT_SECRET"
        return DoorState("slack", False, "door_needs", {"have": have, "need": "PAGEMAGIC_SLACK_SIGNING_SECRET"})
    if client_id != client_secret:
        have, need = (
            ("PAGEMAGIC_SLACK_CLIENT_ID", "PAGEMAGIC_SLACK_CLIENT_SECRET")
            if client_id
            else ("PAGEMAGIC_SLACK_CLIENT_SECRET", "PAGEMAGIC_SLACK_CLIENT_ID")
        )
        return DoorState("slack", False, "door_needs", {"have": have, "need": need})
    return DoorState("slack", False, "door_slack_needs_token", {})


def stripe_door(settings: Settings) -> DoorState:
    """The Stripe webhook (plan changes arrive through it): a secret key and the endpoint's signing secret."""
    key, secret = settings.stripe_api_key is not None, settings.stripe_webhook_secret is not None
    if key and secret:
        return DoorState("stripe", True)
    if key:
        return DoorState("stripe", False, "door_needs", {"have": "PAGEMAGIC_STRIPE_API_KEY", "need": "PAGEMAGIC_STRIPE_WEBHOOK_SECRET"})
    if secret:
        return DoorState("stripe", False, "door_needs", {"have": "PAGEMAGIC_STRIPE_WEBHOOK_SECRET", "need": "PAGEMAGIC_STRIPE_API_KEY"})
    return DoorState("stripe", False, "door_not_configured", {"need": "PAGEMAGIC_STRIPE_API_KEY"})
