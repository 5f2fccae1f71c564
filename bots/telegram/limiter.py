"""One rate limiter shared by every chat, so we stay inside Telegram's limits at any load.

Telegram documents about one message per second in a chat, twenty per minute
in a group and thirty per second overall; past them it answers 429 with
``retry_after``. Waiting here is cheaper than being told to wait, and a 429
that still comes pauses the chat it concerns for as long as it says.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    per_chat_interval: float = 1.0  # seconds between two messages in one chat
    group_per_minute: int = 20
    global_per_second: int = 30


TELEGRAM_LIMITS = Limits()


class RateLimiter:
    """``await acquire(chat_id, group)`` returns when a message to that chat may be sent now."""

    def __init__(self, limits: Limits = TELEGRAM_LIMITS, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._next_in_chat: dict[int, float] = {}
        self._group_sent: dict[int, deque[float]] = {}
        self._global_sent: deque[float] = deque()
        self.waited = 0.0  # total seconds callers spent waiting here; the bench subtracts it

    async def acquire(self, chat_id: int, group: bool, message: bool = True) -> None:
        """Wait for a slot; ``message=False`` (a typing action) counts only against the global rate."""
        started = self._clock()
        while True:
            now = self._clock()
            delay = self._delay(chat_id, group, now) if message else self._global_delay(now)
            if delay <= 0:
                if message:
                    self._record(chat_id, group, now)
                else:
                    self._global_sent.append(now)
                self.waited += now - started
                return
            await asyncio.sleep(delay)

    def pause(self, chat_id: int, seconds: float) -> None:
        """Telegram said 429: nothing goes to this chat for ``seconds``."""
        until = self._clock() + seconds
        self._next_in_chat[chat_id] = max(self._next_in_chat.get(chat_id, 0.0), until)

    def _delay(self, chat_id: int, group: bool, now: float) -> float:
        delay = max(self._next_in_chat.get(chat_id, 0.0) - now, self._global_delay(now))
        if group:
            sent = self._group_sent.get(chat_id)
            if sent is not None:
                while sent and sent[0] <= now - 60.0:
                    sent.popleft()
                if len(sent) >= self.limits.group_per_minute:
                    delay = max(delay, sent[0] + 60.0 - now)
        return delay

    def _global_delay(self, now: float) -> float:
        window = self._global_sent
        while window and window[0] <= now - 1.0:
            window.popleft()
        if len(window) >= self.limits.global_per_second:
            return window[0] + 1.0 - now
        return 0.0

    def _record(self, chat_id: int, group: bool, now: float) -> None:
        self._next_in_chat[chat_id] = now + self.limits.per_chat_interval
        self._global_sent.append(now)
        if group:
            self._group_sent.setdefault(chat_id, deque()).append(now)
        if len(self._next_in_chat) > 10_000:  # forget chats whose interval is long over
            for key in [k for k, t in self._next_in_chat.items() if t < now]:
                del self._next_in_chat[key]
