"""Ports Studio depends on; ``hosting/`` and ``billing/`` implement them.

Core names what it needs here and never imports an implementation: the
wiring in ``bots/wiring.py`` picks one per setting.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from core.site.site import Site, SiteHeader


@dataclass(frozen=True)
class Release:
    """A published release: where it lives and what the backend calls it."""

    url: str
    release_id: str


@dataclass(frozen=True)
class DomainMapping:
    """What a backend did with an attached domain."""

    status: str  # pending_dns | verified | issuing | active | failed
    server: str  # where the domain must point / what serves it
    records: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class PublishTarget:
    """Everything a backend needs to know about where a release goes."""

    site_id: int
    slug: str
    version: int
    plan: str = "free"
    domains: tuple[str, ...] = ()
    # The job's id: the fencing token of this release. A backend never replaces a release made by a
    # later job (a higher number) with this one; it raises ``Superseded`` instead. 0: no job (tools, tests).
    sequence: int = 0


ProgressReporter = Callable[[str, str], Awaitable[None]]  # (state, detail)


class HostingBackend(Protocol):
    """Runs published sites (``local`` files, or Swarm services)."""

    name: str

    def site_url(self, slug: str) -> str: ...

    async def publish(self, target: PublishTarget, site: Site, progress: ProgressReporter) -> Release:
        """Make ``site`` the live release; atomic: the old one serves until the switch.

        Must be safe to repeat for the same target (a retried or resumed job).
        Raises ``PublishFailed`` (nothing changed), ``RolledBack`` (the new
        version failed and the previous one still serves), ``BackendUnavailable``
        (try again later) or ``Superseded`` (what is live came from a later
        job: ``target.sequence`` is lower than its; nothing changed).
        """
        ...

    async def unpublish(self, slug: str) -> None: ...

    async def forget(self, slug: str) -> None:
        """The account is deleted: remove what is kept of the site beyond unpublishing (releases on disk)."""
        ...

    async def map_domain(self, target: PublishTarget, domain: str) -> DomainMapping: ...


class JobQueue(Protocol):
    """Hands a stored job to whoever runs jobs (this process, or ``pagemagic worker``)."""

    async def submit(self, job_id: int) -> None: ...


class PreviewChannel(Protocol):
    """Live draft previews: Studio pushes partial sites while they stream."""

    def preview_url(self, token: str) -> str: ...

    async def draft_started(self, token: str, header: SiteHeader | None) -> None: ...

    async def draft_updated(self, token: str, site: Site) -> None: ...

    async def draft_finished(self, token: str) -> None:
        """Streaming ended (stored or abandoned): viewers reload the stored version."""
        ...


@dataclass(frozen=True)
class MetricUsage:
    metric: str
    used: int
    limit: int | None
    overage_cents: int = 0  # cost of the usage beyond ``limit`` (metrics with an overage price)


@dataclass(frozen=True)
class SiteUsage:
    """Requests and bandwidth one site served this period (what the edge or local server counted)."""

    site_id: int
    name: str
    requests: int
    bytes: int


@dataclass(frozen=True)
class UsageSummary:
    plan: str
    period_start: datetime
    period_end: datetime
    metrics: tuple[MetricUsage, ...]
    estimate_cents: int = 0  # plan price plus overage so far
    currency: str = "usd"
    cap_cents: int | None = None  # monthly spending cap, when one is set
    sites: tuple[SiteUsage, ...] = ()


class UsageMeter(Protocol):
    """Records what a user consumed; durable once ``flush`` returns."""

    async def record(self, user_id: int, metric: str, quantity: int, site_id: int | None = None) -> None: ...

    async def record_many(self, user_id: int, quantities: dict[str, int], site_id: int | None = None) -> None:
        """Several metrics of one event (a generation: count, sections, tokens) in one write."""
        ...

    async def flush(self) -> None: ...


class QuotaPolicy(Protocol):
    """Decides whether a user may consume more of a metric under their plan."""

    async def check(self, user_id: int, metric: str, amount: int = 1) -> None:
        """Raise ``core.errors.QuotaExceeded`` when ``amount`` more would pass the plan's limit."""
        ...

    async def summary(self, user_id: int) -> UsageSummary: ...

    async def set_cap(self, user_id: int, cap_cents: int | None) -> None:
        """The most overage the account allows itself a month (``None``: none of its own)."""
        ...


@dataclass(frozen=True)
class UpgradeOffer:
    """The next plan and where to pay for it (a Stripe Checkout page)."""

    plan: str
    title: str
    price_cents: int
    currency: str
    url: str


@dataclass(frozen=True)
class SpendingAlert:
    """A metric passed ``threshold`` percent of what the plan includes, first time this period."""

    metric: str
    threshold: int
    used: int
    limit: int
    metered: bool = False  # True: usage beyond ``limit`` is billed; False: it is refused


class BillingPort(Protocol):
    """Payments and spending alerts (``billing/`` implements it; core never imports Stripe)."""

    async def upgrade_offer(self, user_id: int, current_plan: str) -> UpgradeOffer | None:
        """A checkout link for the plan after ``current_plan``; ``None`` at the top plan.

        Raises ``BillingNotConfigured`` when no plan can be sold here, ``BillingUnavailable`` when Stripe cannot be reached.
        """
        ...

    async def due_alerts(self, user_id: int) -> list[SpendingAlert]:
        """Alerts not yet posted this period; each is returned once, ever."""
        ...

    @property
    def payments(self) -> bool:
        """Whether plans are sold here (a Stripe key): the web shows the upgrade and portal buttons then."""
        ...

    async def portal_url(self, user_id: int, return_url: str) -> str:
        """A customer portal session (invoices, payment method) that comes back to ``return_url``.

        Raises ``BillingNotConfigured`` without payments, ``BillingUnavailable`` when Stripe cannot be reached.
        """
        ...


@dataclass(frozen=True)
class SubscriptionState:
    """An account's paid subscription as billing knows it."""

    plan: str
    status: str


@dataclass(frozen=True)
class BillingMerge:
    """What merging two accounts did to billing: the plan kept, and a subscription that now ends."""

    plan: str
    ended_plan: str | None = None  # the other subscription's plan, cancelled at period end
    ends_at: datetime | None = None


@dataclass(frozen=True)
class Invoice:
    number: str
    status: str
    amount_cents: int
    currency: str
    created: datetime
    url: str


class AccountBillingPort(Protocol):
    """What accounts ask of billing when two merge, when one leaves, and for an export."""

    def higher_plan(self, one: str, other: str) -> str: ...

    async def subscription(self, user_id: int) -> SubscriptionState | None: ...

    async def merge(self, keep: int, other: int) -> BillingMerge:
        """Keep one Stripe customer and subscription (the higher plan's), move them to ``keep``, cancel the
        other subscription at the end of its period: nobody pays twice. Raises ``BillingUnavailable``."""
        ...

    async def leave(self, user_id: int) -> tuple[str, datetime | None]:
        """The account is being deleted: cancel its subscription at period end; returns (customer id, ends at)."""
        ...

    async def invoices(self, user_id: int) -> list[Invoice]: ...
