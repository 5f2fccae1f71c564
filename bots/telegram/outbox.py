"""Sending through the shared limiter: wait for a slot, honour 429 ``retry_after``, give up on 403."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import TypeVar

from bots.telegram.limiter import RateLimiter
from bots.telegram.port import BotApi, Keyboard, RetryAfter

T = TypeVar("T")
log = logging.getLogger("pagemagic.telegram")
ATTEMPTS = 4


class Outbox:
    """Every message the adapter sends goes through here, so no code path can skip the limits.

    ``held=True`` means the caller already holds this chat's slot (a progress
    frame); then a 429 pauses the chat and is raised instead of retried.
    """

    def __init__(self, api: BotApi, limiter: RateLimiter) -> None:
        self.api = api
        self.limiter = limiter

    async def send(
        self, chat_id: int, group: bool, html: str, keyboard: Keyboard | None = None, *, held: bool = False
    ) -> int:
        if held:
            return await self._paused_on_429(chat_id, self.api.send_message(chat_id, html, keyboard))
        for attempt in range(ATTEMPTS):
            try:
                async with self.limiter.slot(chat_id, group):
                    return await self._paused_on_429(chat_id, self.api.send_message(chat_id, html, keyboard))
            except RetryAfter:
                if attempt == ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    async def edit(
        self,
        chat_id: int,
        group: bool,
        message_id: int,
        html: str,
        keyboard: Keyboard | None = None,
        *,
        held: bool = False,
    ) -> None:
        if held:
            await self._paused_on_429(chat_id, self.api.edit_message(chat_id, message_id, html, keyboard))
            return
        for attempt in range(ATTEMPTS):
            try:
                async with self.limiter.slot(chat_id, group):
                    await self._paused_on_429(
                        chat_id, self.api.edit_message(chat_id, message_id, html, keyboard)
                    )
                    return
            except RetryAfter:
                if attempt == ATTEMPTS - 1:
                    raise

    async def draft(self, chat_id: int, draft_id: int, html: str) -> None:
        """One draft frame, sent while the caller holds the chat's slot; a 429 drops it (a newer one follows)."""
        try:
            await self._paused_on_429(chat_id, self.api.send_draft(chat_id, draft_id, html))
        except RetryAfter:
            return

    async def typing(self, chat_id: int) -> None:
        async with self.limiter.slot(chat_id, group=False, message=False):
            await self.api.send_typing(chat_id)

    async def _paused_on_429(self, chat_id: int, call: Awaitable[T]) -> T:
        try:
            return await call
        except RetryAfter as error:
            log.info("Telegram asked to wait %.1fs before writing to chat %s", error.retry_after, chat_id)
            self.limiter.pause(chat_id, error.retry_after)
            raise
