"""Plans and their monthly limits; ``None`` means unlimited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(frozen=True)
class Plan:
    name: str
    limits: dict[str, int | None] = field(default_factory=dict)
    # What the edge enforces per published site: requests per second with a burst, for the
    # whole site and per client address (``None``: no limit). See billing/edge_limits.py.
    edge: dict[str, int | None] = field(default_factory=dict)

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
        edge={"rps": 20, "burst": 40, "client_rps": 10, "client_burst": 20},
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
        edge={"rps": 200, "burst": 400, "client_rps": 50, "client_burst": 100},
    ),
    "business": Plan(
        "business",
        {"published_sites": 200, "domains": 200},
        edge={"rps": 2_000, "burst": 4_000, "client_rps": 200, "client_burst": 400},
    ),
}


def plan_named(name: str) -> Plan:
    return PLANS.get(name, PLANS["free"])


def billing_period(now: datetime) -> tuple[datetime, datetime]:
    """The calendar month (UTC) containing ``now``: [start, end)."""
    now = now.astimezone(UTC)
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return start, end


@dataclass(frozen=True)
class HostingAllowance:
    """Replicas (autoscaler bounds) and per-replica limits a plan's sites run with."""

    replicas_min: int
    replicas_max: int
    cpu: float
    memory_mb: int


HOSTING: dict[str, HostingAllowance] = {
    "free": HostingAllowance(1, 1, 0.25, 64),
    "pro": HostingAllowance(1, 3, 0.5, 128),
    "business": HostingAllowance(2, 10, 1.0, 256),
}


def hosting_allowance(plan: str) -> HostingAllowance:
    return HOSTING.get(plan, HOSTING["free"])
