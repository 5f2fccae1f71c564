"""``pagemagic serve``: the server, plus every front door that is configured, until SIGTERM.

At start it says, door by door, which are on and why the others are off, and it checks the
credentials it can check before serving (Telegram's token with getMe, a Slack bot token with
auth.test), so a wrong one stops start-up instead of failing in front of a user.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import TYPE_CHECKING

from bots.console.chat import terminal_language
from bots.frontdoors import DoorState, slack_door, stripe_door, telegram_door
from bots.wiring import RouteFactory, runtime
from core.i18n.locales import Locale
from core.messages import say
from core.observability.logging import configure_logging, get_logger
from core.observability.redact import secret_values
from core.observability.tracing import setup_tracing
from core.settings import Settings

if TYPE_CHECKING:
    from bots.slack.identity import SlackIdentity
    from bots.telegram.service import TelegramService

log = get_logger("pagemagic.serve")


async def run_serve(settings: Settings) -> int:
    configure_logging(secret_values(settings), settings.log_format, settings.log_level)
    setup_tracing(settings.otel_endpoint, "pagemagic-serve")
    language: Locale = terminal_language() or "en"
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    slack_identity = await _check_slack(settings)
    telegram = _telegram(settings)
    routes: list[RouteFactory] = [telegram.routes] if telegram is not None else []
    routes += _slack(settings)
    async with runtime(settings, explicit_port=True, extra_routes=routes) as rt:
        if telegram is not None:
            await telegram.start(rt.studio)
            name = telegram.identity.username if telegram.identity else "?"
            _tell(telegram_door(settings), say(language, "door_telegram_on", name=name, mode=telegram.mode), language)
        else:
            _tell(telegram_door(settings), "", language)
        _tell(slack_door(settings), _slack_on(settings, slack_identity, language), language)
        stripe = stripe_door(settings)
        if rt.billing is not None and rt.billing.route is not None:
            stripe = DoorState("stripe", True)
        _tell(stripe, say(language, "door_stripe_on"), language)
        # Address lines, like "Serving on": for the operator and for scripts, in English.
        print(f"Metrics and readiness (private) on {rt.ops_url}", flush=True)
        print(f"Serving on {rt.base_url}", flush=True)
        try:
            await stop.wait()
        finally:
            if telegram is not None:
                await telegram.stop()
    return 0


def _tell(door: DoorState, on_text: str, language: Locale) -> None:
    """One line per front door on the terminal, and the same as a log event."""
    if door.on:
        print(on_text, flush=True)
        log.info("front_door", door=door.name, on=True)
        return
    why = say(language, door.reason, **door.params)
    print(say(language, "door_off", door=say(language, f"door_name_{door.name}"), why=why), flush=True)
    log.info("front_door", door=door.name, on=False, reason=door.reason, **door.params)


def _telegram(settings: Settings) -> TelegramService | None:
    """The Telegram front door when a token is configured (imported only then)."""
    if not telegram_door(settings).on:
        return None
    from bots.telegram.service import TelegramService

    return TelegramService(settings)


async def _check_slack(settings: Settings) -> SlackIdentity | None:
    """auth.test for a single-workspace bot token (OAuth installs bring their own tokens later)."""
    if not slack_door(settings).on or settings.slack_bot_token is None:
        return None
    from bots.slack.identity import check_bot_token

    return await check_bot_token(settings)


def _slack_on(settings: Settings, identity: SlackIdentity | None, language: Locale) -> str:
    if identity is not None:
        return say(language, "door_slack_on_workspace", team=identity.team, user=identity.user)
    return say(language, "door_slack_on_oauth")


def _slack(settings: Settings) -> list[RouteFactory]:
    """The Slack app's routes (/slack/events, /slack/install, /slack/oauth_redirect) when configured."""
    if not slack_door(settings).on:
        return []
    from bots.slack.app import slack_routes

    return [slack_routes(settings)]
