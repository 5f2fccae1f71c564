"""Plans as operator-editable data: ``billing/plans.toml``, validated with pydantic at start.

Everything that differs between Free, Pro and Business lives in that file: the included
amounts per metric, overage prices, edge limits, hosting allowances, and the Stripe price
and meter names. ``PLANS``, ``HOSTING``, ``METERS`` are filled from it at import; a process
started with another file (``PAGEMAGIC_BILLING_PLANS_FILE``) calls ``use_plans`` once, and
every module that imported these names sees the change, since they are updated in place.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DEFAULT_PLANS_FILE = Path(__file__).with_name("plans.toml")

# Metrics shown in /usage, in this order.
METRICS: tuple[str, ...] = (
    "generations", "sections", "tokens", "previews", "publishes", "published_sites", "domains", "requests", "bytes",
    "storage",
)


@dataclass(frozen=True)
class HostingAllowance:
    """Replicas (autoscaler bounds) and per-replica limits a plan's sites run with."""

    replicas_min: int
    replicas_max: int
    cpu: float
    memory_mb: int


@dataclass(frozen=True)
class Overage:
    """The price of usage beyond the included amount: ``cents`` per ``per`` units."""

    cents: int
    per: int = 1
    stripe_price: str = ""

    def cost(self, units: int) -> Decimal:
        return Decimal(units) * Decimal(self.cents) / Decimal(self.per)


@dataclass(frozen=True)
class Plan:
    name: str
    limits: dict[str, int | None] = field(default_factory=dict)
    # What the edge enforces per published site: requests per second with a burst, for the
    # whole site and per client address (``None``: no limit). See billing/edge_limits.py.
    edge: dict[str, int | None] = field(default_factory=dict)
    title: str = ""
    price_cents: int = 0
    stripe_price: str = ""
    overage: dict[str, Overage] = field(default_factory=dict)
    hosting: HostingAllowance | None = None
    # Whether the edge puts the plan's published sites behind its WAF (hosting/edge/waf.py).
    waf: bool = False

    def limit(self, metric: str) -> int | None:
        """The included amount (``None``: unlimited)."""
        return self.limits.get(metric)

    def hard_limit(self, metric: str) -> bool:
        """True when usage may not pass the included amount (no overage price)."""
        return self.limit(metric) is not None and metric not in self.overage

    def overage_units(self, metric: str, used: int) -> int:
        limit = self.limit(metric)
        return max(0, used - limit) if limit is not None and metric in self.overage else 0

    def overage_cost(self, metric: str, used: int) -> Decimal:
        """Cents (exact, not rounded) the usage beyond the included amount costs."""
        units = self.overage_units(metric, used)
        return self.overage[metric].cost(units) if units else Decimal(0)

    def estimate_cents(self, totals: dict[str, int]) -> int:
        """The bill for a period with ``totals``: the base price plus overage, rounded up to a cent."""
        extra = sum((self.overage_cost(m, totals.get(m, 0)) for m in self.overage), Decimal(0))
        return self.price_cents + int(extra.to_integral_value(rounding=ROUND_CEILING))


# -- the file's schema -----------------------------------------------------------------


class _OverageSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    cents: int = Field(ge=0)
    per: int = Field(default=1, ge=1)
    stripe_price: str = ""


class _HostingSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    replicas_min: int = Field(ge=1, le=100)
    replicas_max: int = Field(ge=1, le=100)
    cpu: float = Field(gt=0, le=64)
    memory_mb: int = Field(ge=16, le=1_000_000)

    @model_validator(mode="after")
    def _ordered(self) -> _HostingSpec:
        if self.replicas_max < self.replicas_min:
            raise ValueError("replicas_max is below replicas_min")
        return self


class _EdgeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    rps: int | None = Field(default=None, ge=1)
    burst: int | None = Field(default=None, ge=1)
    client_rps: int | None = Field(default=None, ge=1)
    client_burst: int | None = Field(default=None, ge=1)
    waf: bool = False


class _PlanSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(pattern=r"^[a-z][a-z0-9_-]{0,39}$")
    title: str = Field(min_length=1, max_length=60)
    price_cents: int = Field(ge=0)
    stripe_price: str = ""
    included: dict[str, int] = Field(default_factory=dict)
    overage: dict[str, _OverageSpec] = Field(default_factory=dict)
    edge: _EdgeSpec = _EdgeSpec()
    hosting: _HostingSpec

    @model_validator(mode="after")
    def _consistent(self) -> _PlanSpec:
        unknown = (set(self.included) | set(self.overage)) - set(METRICS)
        if unknown:
            raise ValueError(f"unknown metric(s) {sorted(unknown)}; known: {', '.join(METRICS)}")
        if any(v < 0 for v in self.included.values()):
            raise ValueError("included amounts cannot be negative")
        if self.price_cents > 0 and not self.stripe_price:
            raise ValueError("a paid plan needs its stripe_price")
        return self


class _PlansFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    currency: str = Field(default="usd", pattern=r"^[a-z]{3}$")
    meters: dict[str, str] = Field(default_factory=dict)
    plans: list[_PlanSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> _PlansFile:
        names = [p.name for p in self.plans]
        if len(set(names)) != len(names):
            raise ValueError("two plans have the same name")
        if "free" not in names:
            raise ValueError("a plan named 'free' is needed (accounts fall back to it)")
        unknown = set(self.meters) - set(METRICS)
        if unknown:
            raise ValueError(f"meters for unknown metric(s) {sorted(unknown)}")
        for plan in self.plans:
            unmetered = set(plan.overage) - set(self.meters)
            if unmetered:
                raise ValueError(f"plan {plan.name}: overage on {sorted(unmetered)} needs a meter name")
        return self


class PlansFileError(ValueError):
    """The plans file cannot be read or is not valid; the message names the field."""


@dataclass(frozen=True)
class Catalog:
    """Every plan, cheapest first, with the meters usage is reported under."""

    plans: dict[str, Plan]
    meters: dict[str, str]
    currency: str

    def next_plan(self, current: str) -> Plan | None:
        """The plan after ``current`` (``None`` at the top)."""
        names = list(self.plans)
        index = names.index(current) if current in names else 0
        return self.plans[names[index + 1]] if index + 1 < len(names) else None

    def plan_for_price(self, price_id: str) -> Plan | None:
        return next((p for p in self.plans.values() if p.stripe_price and p.stripe_price == price_id), None)


def load_plans(path: Path = DEFAULT_PLANS_FILE) -> Catalog:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        spec = _PlansFile.model_validate(data)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PlansFileError(f"{path}: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PlansFileError(f"{path}: {where or 'file'}: {first['msg']}") from exc
    plans: dict[str, Plan] = {}
    for p in spec.plans:
        plans[p.name] = Plan(
            name=p.name,
            limits=dict(p.included),
            edge=p.edge.model_dump(exclude={"waf"}),
            title=p.title,
            price_cents=p.price_cents,
            stripe_price=p.stripe_price,
            overage={m: Overage(o.cents, o.per, o.stripe_price) for m, o in p.overage.items()},
            hosting=HostingAllowance(**p.hosting.model_dump()),
            waf=p.edge.waf,
        )
    return Catalog(plans, dict(spec.meters), spec.currency)


CATALOG: Catalog = load_plans()
PLANS: dict[str, Plan] = dict(CATALOG.plans)
METERS: dict[str, str] = dict(CATALOG.meters)
HOSTING: dict[str, HostingAllowance] = {n: p.hosting for n, p in PLANS.items() if p.hosting is not None}


def use_plans(catalog: Catalog) -> None:
    """Make ``catalog`` the plans of this process (called once at start-up)."""
    global CATALOG
    CATALOG = catalog
    PLANS.clear()
    PLANS.update(catalog.plans)
    METERS.clear()
    METERS.update(catalog.meters)
    HOSTING.clear()
    HOSTING.update({n: p.hosting for n, p in catalog.plans.items() if p.hosting is not None})


def catalog() -> Catalog:
    return CATALOG


def plan_named(name: str) -> Plan:
    return PLANS.get(name, PLANS["free"])


def billing_period(now: datetime) -> tuple[datetime, datetime]:
    """The calendar month (UTC) containing ``now``: [start, end)."""
    now = now.astimezone(UTC)
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return start, end


def hosting_allowance(plan: str) -> HostingAllowance:
    return HOSTING.get(plan, HOSTING["free"])
