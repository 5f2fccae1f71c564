"""Redis keys the nginx edge writes for usage, and that billing reads.

All under the usage prefix ``P`` (setting ``edge_usage_prefix``, default ``pm:usage:``):

  P<slug>:<YYYYMMDDHHMM>   hash  requests, bytes, 1xx..5xx, other, site_id
                                 one per site per UTC minute; the edge adds to it (HINCRBY)
  P~index                  set   bucket keys that have counts not yet drained
  P~month:<slug>:<YYYYMM>  hash  requests, bytes: month-to-date totals the edge's quotas read
  P~overflow               hash  requests, bytes the edge could not attribute to a site
                                 (its counter memory was full) — counted, never dropped
  P~batch:<id>             string  marks an edge batch as applied (each batch applies once)
  P~edges                  zset  edge instances by last heartbeat (they share a plan's rate)
  P~drain:<id>             hash  a bucket handed over to the aggregator (renamed from P<slug>:<minute>)
  P~draining               set   drain keys not yet written to the database
  P~dead:<id>              hash  a drained bucket whose site no longer exists (kept for inspection)
  P~rate:<slug>            string  requests per second over the last minute, for the autoscaler
  P~lock                   string  held by the usage drain, or by a backup taking its snapshot
                                   (hosting/usage_lock.py): never both at once
  P~hold                   string  set by a backup while it reads these keys: the edges keep their
                                   counts until it is gone (lua/usage.lua)

``bytes`` is what nginx sent to the client for the answer (``$bytes_sent``: status line,
headers and body). Slugs are ``[a-z0-9-]``, so ``~`` names never collide with a site.
"""

from __future__ import annotations

from datetime import UTC, datetime

DEFAULT_PREFIX = "pm:usage:"
STATUS_FIELDS = ("1xx", "2xx", "3xx", "4xx", "5xx", "other")


def bucket_key(prefix: str, slug: str, minute: str) -> str:
    return f"{prefix}{slug}:{minute}"


def minute_of(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M")


def minute_start(minute: str) -> datetime:
    return datetime.strptime(minute, "%Y%m%d%H%M").replace(tzinfo=UTC)


def parse_bucket(prefix: str, key: str) -> tuple[str, str] | None:
    """``P<slug>:<minute>`` -> (slug, minute); None for any other key."""
    if not key.startswith(prefix):
        return None
    rest = key[len(prefix):]
    slug, _, minute = rest.rpartition(":")
    if not slug or slug.startswith("~") or len(minute) != 12 or not minute.isdigit():
        return None
    return slug, minute


def index_key(prefix: str) -> str:
    return f"{prefix}~index"


def month_key(prefix: str, slug: str, month: str) -> str:
    return f"{prefix}~month:{slug}:{month}"


def overflow_key(prefix: str) -> str:
    return f"{prefix}~overflow"


def hold_key(prefix: str) -> str:
    return f"{prefix}~hold"


def lock_key(prefix: str) -> str:
    return f"{prefix}~lock"


def edges_key(prefix: str) -> str:
    return f"{prefix}~edges"


def drain_key(prefix: str, drain_id: str) -> str:
    return f"{prefix}~drain:{drain_id}"


def draining_key(prefix: str) -> str:
    return f"{prefix}~draining"


def dead_key(prefix: str, drain_id: str) -> str:
    return f"{prefix}~dead:{drain_id}"


def rate_key(prefix: str, slug: str) -> str:
    return f"{prefix}~rate:{slug}"
