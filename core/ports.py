"""Ports Studio depends on; ``hosting/`` and ``billing/`` implement them.

Core names what it needs here and never imports an implementation: the
wiring in ``bots/wiring.py`` picks one per setting.
"""

from __future__ import annotations

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


class HostingBackend(Protocol):
    """Runs published sites (``local`` files, later Swarm services)."""

    name: str

    def site_url(self, slug: str) -> str: ...

    async def publish(self, slug: str, version: int, site: Site) -> Release:
        """Make ``site`` the live release of ``slug``; atomic: the old one serves until the switch."""
        ...

    async def map_domain(self, slug: str, domain: str) -> DomainMapping: ...


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


@dataclass(frozen=True)
class UsageSummary:
    plan: str
    period_start: datetime
    period_end: datetime
    metrics: tuple[MetricUsage, ...]


class UsageMeter(Protocol):
    """Records what a user consumed; durable once ``flush`` returns."""

    async def record(self, user_id: int, metric: str, quantity: int, site_id: int | None = None) -> None: ...

    async def flush(self) -> None: ...


class QuotaPolicy(Protocol):
    """Decides whether a user may consume more of a metric under their plan."""

    async def check(self, user_id: int, metric: str, amount: int = 1) -> None:
        """Raise ``core.errors.QuotaExceeded`` when ``amount`` more would pass the plan's limit."""
        ...

    async def summary(self, user_id: int) -> UsageSummary: ...
