"""The metrics port: operational counters and timings, named by what happened.

Core, hosting and billing call it; ``hosting/metrics.py`` implements it with
prometheus-client. Core never imports a metrics library, and ``NO_METRICS``
(the default everywhere) lets tests and the terminal chat run without one.
"""

from __future__ import annotations

from typing import Protocol


class Metrics(Protocol):
    """Operational counters and timings (``hosting/metrics.py`` exports them to Prometheus).

    Core calls this port and never imports a metrics library; ``NO_METRICS``
    is the default, so tests and the terminal chat need nothing.
    """

    def chat_message(self, platform: str) -> None: ...

    def generation(self, model: str, kind: str, outcome: str, seconds: float, first_section: float | None) -> None:
        """One generation ended (``kind`` create/refine; ``outcome`` ok/failed/cancelled)."""
        ...

    def sections_generated(self, model: str, count: int) -> None: ...

    def section_repaired(self, model: str, outcome: str) -> None:
        """A repair of an invalid section or edit ended (``outcome`` repaired/gave_up)."""
        ...

    def refused(self, reason: str) -> None:
        """A request was refused by a rate limit or quota (``reason`` e.g. ``quota:generations``)."""
        ...

    def job_state(self, kind: str, state: str) -> None:
        """A job entered ``state`` (queued, waiting, building, pushing, deploying, live, failed, rolled_back, superseded)."""
        ...

    def publish_finished(self, backend: str, outcome: str, seconds: float) -> None:
        """A publish job ended: ``outcome`` live (a deploy), rolled_back, failed."""
        ...

    def meter_report(self, outcome: str, count: int = 1) -> None:
        """Usage reports to the payment provider: ``outcome`` sent/failed/rejected."""
        ...


class NoMetrics:
    """The ``Metrics`` that records nothing."""

    def chat_message(self, platform: str) -> None:
        return None

    def generation(self, model: str, kind: str, outcome: str, seconds: float, first_section: float | None) -> None:
        return None

    def sections_generated(self, model: str, count: int) -> None:
        return None

    def section_repaired(self, model: str, outcome: str) -> None:
        return None

    def refused(self, reason: str) -> None:
        return None

    def job_state(self, kind: str, state: str) -> None:
        return None

    def publish_finished(self, backend: str, outcome: str, seconds: float) -> None:
        return None

    def meter_report(self, outcome: str, count: int = 1) -> None:
        return None


NO_METRICS: Metrics = NoMetrics()
