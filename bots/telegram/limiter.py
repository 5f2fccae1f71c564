"""One rate limiter shared by every chat, so we stay inside Telegram's limits at any load.

Telegram documents about one message per second in a chat, twenty per minute
in a group and thirty per second overall; past them it answers 429 with
``retry_after``. Waiting here is cheaper than being told to wait, and a 429
that still comes pauses the chat it concerns for as long as it says.

Telegram counts when a request *arrives*, which we cannot see; we only know
when we sent it and when the answer came. So a call holds its slot until its
answer is back, and the spacing is measured from there: one chat never has
two calls in flight, and the next one leaves a full interval after the
previous answer, whatever the network did in between.

The overall budget goes first to what people wait for: progress drafts (``draft=True``) may
fill only two thirds of the overall rate, and none starts while an answer waits for it. With
200 chats at once, drafts used to take the slots the final answers needed.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    per_chat_interval: float = 1.0  # seconds between two messages in one chat
    group_per_minute: int = 20
    global_per_second: int = 30
    draft_share: float = 2 / 3  # of the overall rate, the most progress drafts may use


TELEGRAM_LIMITS = Limits()
_BUSY_POLL = 0.01  # how often a caller re-checks a chat whose previous call is still in flight


class RateLimiter:
    """``async with limiter.slot(chat_id, group):`` around every call that puts a message in a chat."""

    def __init__(self, limits: Limits = TELEGRAM_LIMITS, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._next_in_chat: dict[int, float] = {}
        self._busy: set[int] = set()
        self._group_done: dict[int, deque[float]] = {}
        self._group_flying: dict[int, int] = {}
        self._global_done: deque[float] = deque()
        self._global_flying = 0
        self._answers_waiting = 0  # answers waiting for the overall budget: drafts hold back meanwhile
        self.waited = 0.0  # total seconds callers spent waiting here; the bench subtracts it

    @contextlib.asynccontextmanager
    async def slot(self, chat_id: int, group: bool, message: bool = True, draft: bool = False) -> AsyncIterator[None]:
        """Wait for a slot and hold it until the call is answered.

        ``message=False`` (a typing action) counts only against the overall rate; ``draft=True``
        (a progress frame) yields the overall budget to answers.
        """
        started = self._clock()
        waiting = False
        try:
            while True:
                now = self._clock()
                delay = self._delay(chat_id, group, message, now)
                if draft:
                    delay = max(delay, self._draft_delay(now))
                if delay <= 0:
                    break
                if not draft and message and not waiting:
                    waiting = True
                    self._answers_waiting += 1
                await asyncio.sleep(delay)
        finally:
            if waiting:
                self._answers_waiting -= 1
        self.waited += self._clock() - started
        self._take(chat_id, group, message)
        try:
            yield
        finally:
            self._release(chat_id, group, message, self._clock())

    def pause(self, chat_id: int, seconds: float) -> None:
        """Telegram said 429: nothing goes to this chat for ``seconds``."""
        until = self._clock() + seconds
        self._next_in_chat[chat_id] = max(self._next_in_chat.get(chat_id, 0.0), until)

    def _draft_delay(self, now: float) -> float:
        if self._answers_waiting:
            return _BUSY_POLL
        share = max(1, int(self.limits.global_per_second * self.limits.draft_share))
        return _window_delay(self._global_done, self._global_flying, share, 1.0, now)

    def _delay(self, chat_id: int, group: bool, message: bool, now: float) -> float:
        delay = _window_delay(self._global_done, self._global_flying, self.limits.global_per_second, 1.0, now)
        if not message:
            return delay
        if chat_id in self._busy:
            return max(delay, _BUSY_POLL)
        delay = max(delay, self._next_in_chat.get(chat_id, 0.0) - now)
        if group:
            done = self._group_done.setdefault(chat_id, deque())
            flying = self._group_flying.get(chat_id, 0)
            delay = max(delay, _window_delay(done, flying, self.limits.group_per_minute, 60.0, now))
        return delay

    def _take(self, chat_id: int, group: bool, message: bool) -> None:
        self._global_flying += 1
        if message:
            self._busy.add(chat_id)
            if group:
                self._group_flying[chat_id] = self._group_flying.get(chat_id, 0) + 1

    def _release(self, chat_id: int, group: bool, message: bool, now: float) -> None:
        self._global_flying -= 1
        self._global_done.append(now)
        if not message:
            return
        self._busy.discard(chat_id)
        self._next_in_chat[chat_id] = max(
            self._next_in_chat.get(chat_id, 0.0), now + self.limits.per_chat_interval
        )
        if group:
            self._group_flying[chat_id] -= 1
            self._group_done.setdefault(chat_id, deque()).append(now)
        if len(self._next_in_chat) > 10_000:  # forget chats whose interval is long over
            for key in [k for k, t in self._next_in_chat.items() if t < now and k not in self._busy]:
                del self._next_in_chat[key]
                self._group_done.pop(key, None)
                self._group_flying.pop(key, None)


def _window_delay(done: deque[float], flying: int, limit: int, window: float, now: float) -> float:
    """Calls answered within ``window`` plus those in flight may not reach ``limit``."""
    while done and done[0] <= now - window:
        done.popleft()
    if flying + len(done) < limit:
        return 0.0
    if len(done) > flying + len(done) - limit:
        return done[flying + len(done) - limit] + window - now
    return _BUSY_POLL  # the window is full of calls still in flight
