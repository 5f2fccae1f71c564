"""Running the Telegram bot inside ``pagemagic serve``: connect, register commands, poll or take webhooks.

Long polling when only ``PAGEMAGIC_TELEGRAM_TOKEN`` is set; webhook mode when
``PAGEMAGIC_TELEGRAM_WEBHOOK_URL`` is set too. The webhook endpoint lives on
the same Starlette app as previews and sites, answers at once and handles the
update in the background (Telegram redelivers what is not answered quickly).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import secrets
from typing import Any, Protocol
from urllib.parse import urlsplit

from redis.asyncio import Redis
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bots.telegram.adapter import TelegramAdapter
from bots.telegram.limiter import RateLimiter
from bots.telegram.poller import PollerElection
from bots.telegram.port import BotApi, BotIdentity, TelegramError, TelegramTokenRejected, UpdateUnreadable
from bots.telegram.seen import MemorySeen, RedisSeen, SeenUpdates
from core.settings import Settings
from core.storage.store import Store
from core.studio import Studio

log = logging.getLogger("pagemagic.telegram")
ALLOWED_UPDATES = ["message", "callback_query"]
DEFAULT_WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_MAX_BODY = 1024 * 1024  # one update; a larger body is refused with 413 before it is read


class Driver(Protocol):
    @property
    def api(self) -> BotApi: ...

    async def connect(self) -> None: ...
    def mount(self, adapter: TelegramAdapter) -> None: ...
    async def start_polling(self, allowed_updates: list[str]) -> None: ...
    async def start_webhook(self) -> None: ...
    async def feed(self, update: dict[str, Any]) -> None: ...
    async def stop_updates(self) -> None: ...
    async def close(self) -> None: ...


def build_driver(settings: Settings) -> Driver:
    """The library ``PAGEMAGIC_TELEGRAM_DRIVER`` names; each is imported only when chosen."""
    assert settings.telegram_token is not None
    token = settings.telegram_token.get_secret_value()
    if settings.telegram_driver == "ptb":
        from bots.telegram.ptb_driver import PtbDriver

        return PtbDriver(token, settings.telegram_api_base, polling=settings.telegram_webhook_url is None)
    from bots.telegram.aiogram_driver import AiogramDriver

    return AiogramDriver(token, settings.telegram_api_base)


class TelegramService:
    def __init__(self, settings: Settings, limiter: RateLimiter | None = None, *, poll_lease_seconds: float = 15.0) -> None:
        self.settings = settings
        self.limiter = limiter or RateLimiter()
        self.webhook_url = settings.telegram_webhook_url
        secret = settings.telegram_webhook_secret
        self._secret = secret.get_secret_value() if secret is not None else secrets.token_urlsafe(32)
        self.webhook_path = (
            (urlsplit(self.webhook_url).path or DEFAULT_WEBHOOK_PATH) if self.webhook_url else ""
        )
        self.driver: Driver | None = None
        self.adapter: TelegramAdapter | None = None
        self.identity: BotIdentity | None = None
        self._handling: set[asyncio.Task[None]] = set()
        self._redis: Redis | None = None
        self._poll_lease = poll_lease_seconds
        self.election: PollerElection | None = None

    @property
    def mode(self) -> str:
        return "webhook" if self.webhook_url else "polling"

    def routes(self, studio: Studio, store: Store) -> list[BaseRoute]:
        """For ``runtime(extra_routes=[service.routes])``: the webhook endpoint, in webhook mode."""
        if not self.webhook_url:
            return []
        return [Route(self.webhook_path, self._webhook, methods=["POST"], max_body_size=WEBHOOK_MAX_BODY)]

    async def start(self, studio: Studio) -> None:
        """Connect (a refused token stops here, clearly), register commands, then poll or set the webhook."""
        driver = build_driver(self.settings)
        try:
            await driver.connect()
            self.identity = await driver.api.get_me()
        except TelegramTokenRejected as error:
            await driver.close()
            raise TelegramTokenRejected(
                f"the Bot API at {self.settings.telegram_api_base} refused PAGEMAGIC_TELEGRAM_TOKEN "
                "(401 Unauthorized); check the token @BotFather gave you"
            ) from error
        except TelegramError as error:
            await driver.close()
            raise TelegramError(
                f"cannot reach the Bot API at {self.settings.telegram_api_base}: {self._redact(error.detail)}"
            ) from error
        adapter = TelegramAdapter(studio, driver.api, self.limiter, identity=self.identity, seen=self._seen_updates())
        driver.mount(adapter)
        try:
            await adapter.register_commands()
        except TelegramError as error:  # the menu is a convenience; the bot works without it
            log.warning("could not register the command menu: %s", error.code)
        if self.webhook_url:
            await driver.api.set_webhook(self.webhook_url, self._secret, ALLOWED_UPDATES)
            await driver.start_webhook()
        else:
            await driver.api.delete_webhook()  # getUpdates is refused while a webhook is set
            if self._redis is not None:  # replicas: one of them polls (Telegram allows one getUpdates)
                assert self.identity is not None
                self.election = PollerElection(
                    self._redis, self.identity.id,
                    start=lambda: driver.start_polling(ALLOWED_UPDATES), stop=driver.stop_updates,
                    lease_seconds=self._poll_lease,
                )  # fmt: skip
                self.election.run()
            else:
                await driver.start_polling(ALLOWED_UPDATES)
        self.driver, self.adapter = driver, adapter

    def _seen_updates(self) -> SeenUpdates:
        """Replicas behind one webhook share what they handled through Redis, when there is one."""
        if self.settings.redis_url is None:
            return MemorySeen()
        self._redis = Redis.from_url(self.settings.redis_url.get_secret_value())
        return RedisSeen(self._redis)

    def _redact(self, text: str) -> str:
        """Library messages may quote the token (PTB does, URLs do); it never reaches a log or a user."""
        token = self.settings.telegram_token
        return text.replace(token.get_secret_value(), "<token>") if token is not None else text

    async def stop(self, grace: float = 5.0) -> None:
        """Stop taking updates, let running answers finish for ``grace`` seconds, then close."""
        driver, self.driver = self.driver, None  # the webhook answers 503 from now on
        election, self.election = self.election, None
        if election is not None:
            await election.close()  # another replica starts polling now
        if driver is not None:
            await driver.stop_updates()
        if self.adapter is not None:
            await self.adapter.drain(grace)
        if self._handling:
            _done, pending = await asyncio.wait(self._handling, timeout=grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if driver is not None:
            await driver.close()
        if self._redis is not None:
            await self._redis.aclose()
            self._redis = None

    async def _webhook(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._secret.encode()):
            return JSONResponse({"ok": False, "error": "unauthorized"}, status_code=401)
        driver = self.driver
        if driver is None:
            return JSONResponse({"ok": False, "error": "starting"}, status_code=503)
        try:
            update = json.loads(await request.body())
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            return JSONResponse({"ok": False, "error": "not JSON"}, status_code=400)
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return JSONResponse({"ok": False, "error": "not an update"}, status_code=400)
        task = asyncio.create_task(self._feed(driver, update))
        self._handling.add(task)
        task.add_done_callback(self._handling.discard)
        return Response(status_code=200)

    @staticmethod
    async def _feed(driver: Driver, update: dict[str, Any]) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            try:
                await driver.feed(update)
            except UpdateUnreadable as error:  # only Telegram knows the secret: a protocol mismatch, no crash
                log.warning("update %s dropped: not an update the library can read (%s)", update.get("update_id"), error)
            except Exception:  # one bad update must not take the endpoint down; the library logged it
                log.exception("update %s could not be handled", update.get("update_id"))
