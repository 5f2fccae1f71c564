"""Brute-force limits: wrong guesses counted per key (an account, an address, an identity).

``check`` refuses once ``limit`` failures were counted in the current window; ``fail``
counts one. Only failures count, so a person who gets it right is never slowed down.
The in-process limiter is the embedded default; with Redis every replica shares the
counts (``hosting/attempts.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from core.errors import TooManyAttempts
from core.storage.tables import utcnow


@dataclass(frozen=True)
class Limit:
    """``attempts`` failures per ``window``."""

    attempts: int
    window: timedelta


# The limits every front door applies (docs/accounts.md lists them).
LINK_CODE = Limit(5, timedelta(minutes=10))  # /link guesses per identity
SIGN_IN = Limit(20, timedelta(minutes=10))  # bad sign-in links / Telegram data per address
SECOND_FACTOR = Limit(5, timedelta(minutes=5))  # wrong TOTP or recovery codes per account and per address
EMAIL_LINK = Limit(5, timedelta(hours=1))  # magic links asked per address and per IP
API_TOKEN = Limit(30, timedelta(minutes=1))  # bad bearer tokens per address


class AttemptLimiter(Protocol):
    async def check(self, key: str, limit: Limit) -> None:
        """Raise ``TooManyAttempts`` when ``key`` used up ``limit`` in this window."""
        ...

    async def fail(self, key: str, limit: Limit) -> None: ...

    async def clear(self, key: str) -> None: ...


class MemoryAttempts:
    """Fixed windows in a dict; ``clock`` is the now of tests."""

    def __init__(self, clock: Callable[[], datetime] = utcnow, max_keys: int = 100_000) -> None:
        self.clock = clock
        self.max_keys = max_keys
        self._counts: dict[str, tuple[datetime, int]] = {}

    def _current(self, key: str, limit: Limit) -> tuple[datetime, int]:
        now = self.clock()
        started, count = self._counts.get(key, (now, 0))
        if now - started >= limit.window:
            return now, 0
        return started, count

    async def check(self, key: str, limit: Limit) -> None:
        started, count = self._current(key, limit)
        if count >= limit.attempts:
            raise TooManyAttempts((started + limit.window - self.clock()).total_seconds())

    async def fail(self, key: str, limit: Limit) -> None:
        started, count = self._current(key, limit)
        if len(self._counts) >= self.max_keys:
            self._counts.clear()  # a flood of keys: forget rather than grow without bound
        self._counts[key] = (started, count + 1)

    async def clear(self, key: str) -> None:
        self._counts.pop(key, None)
