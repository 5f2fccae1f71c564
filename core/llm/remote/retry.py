"""When to try a model request again, and how long to wait first.

Only the opening of a request is retried (connection refused, 429, 5xx, a
timeout before the first byte): once content has streamed, sections may have
reached the user, and a silent restart would show them twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


@dataclass(frozen=True)
class RetryPolicy:
    retries: int = 3
    backoff: float = 0.5
    backoff_max: float = 8.0
    max_retry_after: float = 30.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (0-based).

        A server's ``Retry-After`` wins over the exponential backoff; the caller
        checks ``too_long`` first so a long one fails fast instead of hanging a chat.
        """
        if retry_after is not None:
            return max(0.0, retry_after)
        return float(min(self.backoff_max, self.backoff * (2**attempt)))

    def too_long(self, retry_after: float | None) -> bool:
        return retry_after is not None and retry_after > self.max_retry_after


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: a number, or an HTTP date (RFC 9110 §10.2.3)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
