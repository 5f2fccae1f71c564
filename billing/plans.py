"""Plans and their monthly limits; ``None`` means unlimited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(frozen=True)
class Plan:
    name: str
    limits: dict[str, int | None] = field(default_factory=dict)

    def limit(self, metric: str) -> int | None:
        return self.limits.get(metric)


# Metrics shown in /usage, in this order.
METRICS: tuple[str, ...] = (
    "generations", "sections", "tokens", "previews", "publishes", "published_sites", "domains", "requests", "bytes",
)

PLANS: dict[str, Plan] = {
    "free": Plan(
        "free",
        {
            "generations": 100,
            "sections": None,
            "tokens": 500_000,
            "previews": None,
            "publishes": 30,
            "published_sites": 3,
            "domains": 1,
            "requests": 50_000,
            "bytes": 1_000_000_000,
        },
    ),
    "pro": Plan(
        "pro",
        {
            "generations": 2_000,
            "tokens": 10_000_000,
            "publishes": 1_000,
            "published_sites": 20,
            "domains": 20,
            "requests": 2_000_000,
            "bytes": 100_000_000_000,
        },
    ),
    "business": Plan("business", {"published_sites": 200, "domains": 200}),
}


def plan_named(name: str) -> Plan:
    return PLANS.get(name, PLANS["free"])


def billing_period(now: datetime) -> tuple[datetime, datetime]:
    """The calendar month (UTC) containing ``now``: [start, end)."""
    now = now.astimezone(UTC)
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return start, end
