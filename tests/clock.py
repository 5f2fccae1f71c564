"""A clock tests set by hand: code under test reads "now" from it, never from the wall.

Date arithmetic (billing periods, grace periods, 35-day windows) then gives the same answer
on any day the suite runs, in any time zone.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# The middle of a month, far from any day, month or year boundary in every time zone.
MID_MONTH = datetime(2026, 3, 17, 12, 0, tzinfo=UTC)


class FakeClock:
    """``now()`` for code taking ``Callable[[], datetime]``, ``time()`` for ``Callable[[], float]``."""

    def __init__(self, start: datetime = MID_MONTH) -> None:
        if start.tzinfo is None:
            raise ValueError("a FakeClock starts at an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def time(self) -> float:
        return self._now.timestamp()

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when.astimezone(UTC)
