"""The figures of a site over a range of days: plain values, no storage or drawing here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DayFigures:
    day: date
    requests: int = 0
    views: int = 0
    visitors: int = 0
    bytes: int = 0


@dataclass(frozen=True)
class RangeFigures:
    days: tuple[DayFigures, ...]  # every day of the range, oldest first, zeros where nothing came
    classes: tuple[tuple[str, int], ...]  # ("2xx", n) ... in class order
    pages: tuple[tuple[str, int], ...]  # most viewed first
    referrers: tuple[tuple[str, int], ...]

    @property
    def requests(self) -> int:
        return sum(d.requests for d in self.days)

    @property
    def views(self) -> int:
        return sum(d.views for d in self.days)

    @property
    def visitors(self) -> int:
        """Daily visitors added up: a person seen on two days counts twice (no hash outlives its day)."""
        return sum(d.visitors for d in self.days)

    @property
    def bytes(self) -> int:
        return sum(d.bytes for d in self.days)
