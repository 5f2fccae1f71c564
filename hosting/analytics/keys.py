"""Redis keys lua/insights.lua writes and the rollup reads, all under the usage prefix ``P``:

  P~ins:<slug>:<YYYYMMDD>         hash  requests, views, bytes, 1xx..5xx, other, site_id
  P~ins:<slug>:<YYYYMMDD>:pages   hash  path -> views (at most 500 paths; the rest under "~other")
  P~ins:<slug>:<YYYYMMDD>:refs    hash  referring host -> views (the same cap)
  P~ins:<slug>:<YYYYMMDD>:uv      HyperLogLog of the day's anonymous visitor hashes
  P~ins~days                      set   "<slug>:<YYYYMMDD>" days with counts for the rollup
  P~ins~salt:<YYYYMMDD>           string  the day's random salt (erased by Redis within 48 hours)
  P~ins~batch:<id>                string  marks an edge batch as applied

The day keys expire three days after they were last written.
"""

from __future__ import annotations

from datetime import date, datetime


def day_text(day: date) -> str:
    return day.strftime("%Y%m%d")


def parse_day(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


def day_key(prefix: str, slug: str, day: str) -> str:
    return f"{prefix}~ins:{slug}:{day}"


def days_key(prefix: str) -> str:
    return f"{prefix}~ins~days"


def salt_key(prefix: str, day: str) -> str:
    return f"{prefix}~ins~salt:{day}"
