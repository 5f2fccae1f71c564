"""The Bolt app and its routes on the Page Magic server (/slack/events, /slack/install, /slack/oauth_redirect).

Two modes, picked by settings: one workspace (``PAGEMAGIC_SLACK_BOT_TOKEN``),
or OAuth install into many (``PAGEMAGIC_SLACK_CLIENT_ID`` / ``_CLIENT_SECRET``),
with installations in our database. Handlers acknowledge at once (Slack wants
an answer within 3 s) and leave the work to ``SlackFrontDoor``; Bolt runs the
rest of the listener after the acknowledgement has been sent.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bots.slack.blocks import (
    ACTION_CONFIRM,
    ACTION_DASHBOARD,
    ACTION_OPEN,
    ACTION_PUBLISH,
    ACTION_UNDO,
    CONFIRMABLE,
)
from bots.slack.frontdoor import SlackFrontDoor, SlackOptions
from bots.slack.inbound import from_action, from_command, from_message
from bots.slack.installations import SqlInstallationStore, SqlOAuthStateStore, StoreAuthorize
from bots.slack.policy import PublishPolicy
from bots.slack.signed import EVENTS_MAX_BODY, SignedEvents
from bots.slack.threads import ThreadBook
from core.errors import TokenKeyMissing
from core.i18n.locales import LOCALES
from core.messages import say
from core.sealing import SecretBox, token_box
from core.settings import Settings
from core.storage.store import Store
from core.studio import Studio

log = logging.getLogger("pagemagic.slack")

SCOPES = (
    "commands",
    "chat:write",
    "app_mentions:read",
    "im:history",
    "channels:history",
    "groups:history",
    "users:read",
    "files:read",  # photos shared with the app: files.info and url_private downloads
)
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
EVENTS_PATH = "/slack/events"


# Bolt names its logger after the app and copies the root logger's level onto it
# when the app is built; under "pagemagic" that froze every pagemagic.* logger at
# whatever level the root had at that moment (INFO lines vanished).
BOLT_APP_NAME = "slack-bolt.pagemagic"

def web_client(settings: Settings, token: str | None = None) -> AsyncWebClient:
    """The Web API client: our base URL, retries on dropped connections and on 429 (after Retry-After)."""
    base = settings.slack_api_base if settings.slack_api_base.endswith("/") else settings.slack_api_base + "/"
    return AsyncWebClient(
        token=token,
        base_url=base,
        retry_handlers=[AsyncConnectionErrorRetryHandler(), AsyncRateLimitErrorRetryHandler(max_retry_count=3)],
    )


def required_token_box(settings: Settings) -> SecretBox:
    """The key workspace tokens are sealed with; installs from many workspaces refuse to start without it."""
    box = token_box(settings)
    if box is None:
        raise TokenKeyMissing(
            "Slack installs from many workspaces (PAGEMAGIC_SLACK_CLIENT_ID) store each workspace's bot token "
            "encrypted: set PAGEMAGIC_TOKEN_KEY (openssl rand -base64 32)"
        )
    return box


def build_app(settings: Settings, studio: Studio, store: Store) -> AsyncApp:
    assert settings.slack_signing_secret is not None
    signing_secret = settings.slack_signing_secret.get_secret_value()
    public = settings.public_url.rstrip("/") if settings.public_url else None
    multi = settings.slack_bot_token is None
    options = SlackOptions(
        command=settings.slack_command,
        streaming=settings.slack_streaming,
        interval=settings.slack_update_interval,
        install_url=f"{public}{INSTALL_PATH}" if public and multi else None,
    )
    installations = SqlInstallationStore(store.engine, required_token_box(settings)) if multi else None
    front = SlackFrontDoor(
        studio,
        store,
        ThreadBook(store.engine),
        PublishPolicy(admins_only=settings.slack_publish_admins_only),
        options,
        installations,
    )
    not_installed = "\n".join(
        say(language, "slack_not_installed", where=front.where(language)) for language in LOCALES
    )
    if installations is None:
        assert settings.slack_bot_token is not None
        app = AsyncApp(
            name=BOLT_APP_NAME,
            client=web_client(settings, settings.slack_bot_token.get_secret_value()),
            signing_secret=signing_secret,
            user_facing_authorize_error_message=not_installed,
        )
    else:
        assert settings.slack_client_id and settings.slack_client_secret is not None
        oauth = AsyncOAuthSettings(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret.get_secret_value(),
            scopes=list(SCOPES),
            installation_store=installations,
            state_store=SqlOAuthStateStore(store.engine),
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
            redirect_uri=f"{public}{REDIRECT_PATH}" if public else None,
        )
        app = AsyncApp(
            name=BOLT_APP_NAME,
            client=web_client(settings),
            signing_secret=signing_secret,
            installation_store=installations,
            authorize=StoreAuthorize(installations),  # type: ignore[arg-type]  # Bolt accepts AsyncAuthorize
            oauth_settings=oauth,
            user_facing_authorize_error_message=not_installed,
        )
        app.enable_token_revocation_listeners()
    app.use(skip_timeout_retries)
    _listen(app, front, settings.slack_command)
    return app


async def skip_timeout_retries(
    req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
) -> BoltResponse:
    """Slack retries an event it did not see acknowledged within 3 s (``X-Slack-Retry-Reason:
    http_timeout``); the first delivery did arrive and is being handled — maybe by another
    replica — so the retry is acknowledged and dropped instead of generating the site twice.
    Retries after a failed delivery (``http_error``, ``connection_failed``...) are handled."""
    reason = (req.headers.get("x-slack-retry-reason") or [""])[0]
    if req.body.get("type") == "event_callback" and reason == "http_timeout":
        log.info("Slack retried event %s after a timeout: already being handled", req.body.get("event_id"))
        return BoltResponse(status=200, body="")
    return await next()


def _listen(app: AsyncApp, front: SlackFrontDoor, command_name: str) -> None:
    """Thin Bolt handlers: acknowledge, convert, hand over."""

    @app.command(command_name)
    async def on_command(ack: Any, command: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> None:
        await ack()
        await front.handle(from_command(command), client, respond, context.enterprise_id)

    def on_button(text: str) -> Callable[..., Any]:
        async def handler(ack: Any, body: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> None:
            await ack()
            await front.handle(from_action(body, text), client, respond, context.enterprise_id)

        return handler

    app.action(ACTION_PUBLISH)(on_button("/publish"))
    app.action(ACTION_UNDO)(on_button("/undo"))
    app.action(ACTION_DASHBOARD)(on_button("/dashboard"))

    @app.action(ACTION_CONFIRM)
    async def on_confirm(ack: Any, body: dict[str, Any], client: AsyncWebClient, respond: Any, context: Any) -> None:
        await ack()
        command = str(((body.get("actions") or [{}])[0]).get("value") or "")
        if command.startswith(CONFIRMABLE):  # only a confirmation Studio asked for, never any other command
            await front.handle(from_action(body, command), client, respond, context.enterprise_id)

    @app.action(ACTION_OPEN)
    async def on_open(ack: Any) -> None:
        await ack()  # a link button: the browser opens it; nothing to do

    async def on_message(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        turn = from_message(event, str(body.get("team_id") or ""), context.bot_user_id)
        if turn is not None:
            await front.handle(turn, client, None, context.enterprise_id)

    app.event("app_mention")(on_message)
    app.event("message")(on_message)

    @app.event("file_shared")
    async def on_file_shared(ack: Any) -> None:
        # The same upload also arrives as a message with ``files``, which carries the thread and
        # the caption; that one is handled, this one only acknowledged (no photo is taken twice).
        await ack()


def slack_routes(settings: Settings) -> Callable[[Studio, Store], Sequence[BaseRoute]]:
    """A route factory for ``runtime(..., extra_routes=[...])``."""

    def factory(studio: Studio, store: Store) -> Sequence[BaseRoute]:
        app = build_app(settings, studio, store)
        assert settings.slack_signing_secret is not None
        events = SignedEvents(app, settings.slack_signing_secret.get_secret_value())
        routes: list[BaseRoute] = [Route(EVENTS_PATH, events.endpoint, methods=["POST"], max_body_size=EVENTS_MAX_BODY)]
        if app.oauth_flow is not None:
            handler = AsyncSlackRequestHandler(app)

            async def oauth(request: Request) -> Response:  # the install page and Slack's redirect back
                return await handler.handle(request)

            routes += [Route(INSTALL_PATH, oauth, methods=["GET"]), Route(REDIRECT_PATH, oauth, methods=["GET"])]
        return routes

    return factory
