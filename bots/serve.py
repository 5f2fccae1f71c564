"""``pagemagic serve``: the server, plus every front door that is configured, until SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import TYPE_CHECKING

from bots.wiring import RouteFactory, runtime
from core.observability.logging import configure_logging
from core.observability.redact import secret_values
from core.observability.tracing import setup_tracing
from core.settings import Settings

if TYPE_CHECKING:
    from bots.telegram.service import TelegramService


async def run_serve(settings: Settings) -> int:
    configure_logging(secret_values(settings), settings.log_format, settings.log_level)
    setup_tracing(settings.otel_endpoint, "pagemagic-serve")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    telegram = _telegram(settings)
    routes: list[RouteFactory] = [telegram.routes] if telegram is not None else []
    routes += _slack(settings)
    async with runtime(settings, explicit_port=True, extra_routes=routes) as rt:
        if telegram is not None:
            await telegram.start(rt.studio)
            name = telegram.identity.username if telegram.identity else "?"
            print(f"Telegram bot @{name} is running ({telegram.mode})", flush=True)
        if rt.billing is not None and rt.billing.route is not None:
            print("Stripe webhook on /stripe/webhook", flush=True)
        print(f"Serving on {rt.base_url}", flush=True)
        try:
            await stop.wait()
        finally:
            if telegram is not None:
                await telegram.stop()
    return 0


def _telegram(settings: Settings) -> TelegramService | None:
    """The Telegram front door when a token is configured (imported only then)."""
    if settings.telegram_token is None:
        return None
    from bots.telegram.service import TelegramService

    return TelegramService(settings)


def _slack(settings: Settings) -> list[RouteFactory]:
    """The Slack app's routes (/slack/events, /slack/install, /slack/oauth_redirect) when configured."""
    from bots.slack.app import slack_configured, slack_routes

    if not slack_configured(settings):
        return []
    print("Slack app on /slack/events" + ("" if settings.slack_bot_token else " (install at /slack/install)"), flush=True)
    return [slack_routes(settings)]
