"""Sending through the shared limiter: wait for a slot, honour 429 ``retry_after``, give up on 403."""

from __future__ import annotations

import logging

from bots.telegram.limiter import RateLimiter
from bots.telegram.port import BotApi, Keyboard, RetryAfter

log = logging.getLogger("pagemagic.telegram")
ATTEMPTS = 4


class Outbox:
    """Every message the adapter sends goes through here, so no code path can skip the limits."""

    def __init__(self, api: BotApi, limiter: RateLimiter) -> None:
        self.api = api
        self.limiter = limiter

    async def send(
        self,
        chat_id: int,
        group: bool,
        html: str,
        keyboard: Keyboard | None = None,
        *,
        acquired: bool = False,
    ) -> int:
        """Send one message; ``acquired`` means the caller already holds a limiter slot for it."""
        for attempt in range(ATTEMPTS):
            if not acquired or attempt > 0:
                await self.limiter.acquire(chat_id, group)
            try:
                return await self.api.send_message(chat_id, html, keyboard)
            except RetryAfter as error:
                self._pause(chat_id, error, attempt)
        raise AssertionError("unreachable")  # _pause raises on the last attempt

    async def edit(
        self,
        chat_id: int,
        group: bool,
        message_id: int,
        html: str,
        keyboard: Keyboard | None = None,
        *,
        acquired: bool = False,
    ) -> None:
        for attempt in range(ATTEMPTS):
            if not acquired or attempt > 0:
                await self.limiter.acquire(chat_id, group)
            try:
                await self.api.edit_message(chat_id, message_id, html, keyboard)
                return
            except RetryAfter as error:
                self._pause(chat_id, error, attempt)

    async def draft(self, chat_id: int, draft_id: int, html: str, *, acquired: bool = False) -> None:
        """One draft frame; a 429 pauses the chat and drops the frame (a newer one follows)."""
        if not acquired:
            await self.limiter.acquire(chat_id, group=False)
        try:
            await self.api.send_draft(chat_id, draft_id, html)
        except RetryAfter as error:
            self.limiter.pause(chat_id, error.retry_after)

    async def typing(self, chat_id: int) -> None:
        await self.limiter.acquire(chat_id, group=False, message=False)
        await self.api.send_typing(chat_id)

    def _pause(self, chat_id: int, error: RetryAfter, attempt: int) -> None:
        log.info("Telegram asked to wait %.1fs before writing to chat %s", error.retry_after, chat_id)
        self.limiter.pause(chat_id, error.retry_after)
        if attempt == ATTEMPTS - 1:
            raise error
