"""Typed events Studio yields and adapters render.

Every event carries ``text``: a ready-made message in the user's language, so
a plain adapter can print it as is; richer adapters use the structured fields
(section kind, URLs, figures) to build buttons, blocks or progress lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Union

from core.site.sections import Section
from core.site.values import Language


@dataclass(frozen=True)
class GenerationStarted:
    mode: Literal["create", "refine"]
    language: Language
    text: str


@dataclass(frozen=True)
class SectionReady:
    """A section finished streaming; ``index`` is its place on the page."""

    index: int
    section: Section
    heading: str
    summary: str
    text: str

    @property
    def kind(self) -> str:
        return self.section.kind


@dataclass(frozen=True)
class SiteChanged:
    """A refinement changed something that is not a section (theme, name, contact...)."""

    text: str


@dataclass(frozen=True)
class PreviewReady:
    url: str
    version: int
    site_name: str
    changed_sections: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class Cancelled:
    text: str


@dataclass(frozen=True)
class PublishProgress:
    """A publish job moved: queued, building, pushing, deploying (then Published or Failed)."""

    state: str
    text: str


@dataclass(frozen=True)
class Published:
    url: str
    version: int
    domains: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class DomainStatus:
    domain: str
    status: Literal["pending_dns", "verified", "issuing", "active", "failed", "removed", "lost", "expired"]
    text: str
    records: tuple[tuple[str, str, str], ...] = ()  # (type, name, value) to set at the DNS provider


@dataclass(frozen=True)
class UsageLine:
    metric: str
    label: str
    used: int
    limit: int | None
    overage_cents: int = 0  # what the usage beyond the included amount costs so far


@dataclass(frozen=True)
class UsageReport:
    plan: str
    period_start: datetime
    period_end: datetime
    lines: tuple[UsageLine, ...]
    text: str
    estimate_cents: int = 0  # the period's bill so far: plan price plus overage
    currency: str = "usd"


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    instruction: str
    created_at: datetime
    current: bool


@dataclass(frozen=True)
class HistoryReport:
    entries: tuple[HistoryEntry, ...]
    text: str


@dataclass(frozen=True)
class Reply:
    """A plain answer: help, a new conversation, a question the generator could not act on."""

    text: str
    kind: str = "info"


@dataclass(frozen=True)
class Failed:
    """Something went wrong; ``text`` says what and what to do. Nothing was lost."""

    code: str
    text: str
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Confirm:
    """A sensitive action waits for a button in the same chat; pressing it sends ``command``."""

    text: str
    label: str
    command: str


@dataclass(frozen=True)
class SignInLink:
    """A one-time link into the web dashboard (``/dashboard``)."""

    url: str
    label: str
    text: str


@dataclass(frozen=True)
class ExportReady:
    """``/export``: the zip of the account's data, to be sent as a file."""

    filename: str
    data: bytes
    text: str


@dataclass(frozen=True)
class StatsChart:
    """``/stats``: the open site's chart (PNG) and its one-line summary (``text``, the photo's caption)."""

    filename: str
    png: bytes
    days: int
    language: Language
    text: str


Event = Union[
    GenerationStarted,
    SectionReady,
    SiteChanged,
    PreviewReady,
    Cancelled,
    PublishProgress,
    Published,
    DomainStatus,
    UsageReport,
    HistoryReport,
    Reply,
    Failed,
    Confirm,
    SignInLink,
    ExportReady,
    StatsChart,
]
