"""The edge's analytics day keys into ``site_days`` rows (``core/storage/site_days.py``).

Each run reads every day listed in ``P~ins~days`` and *sets* that day's row to what Redis holds
(the totals so far), so a run repeated or two runs at once write the same figures. A day leaves the
list once it is two days old: by then every edge has flushed its last counts of that day.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta

from redis.asyncio import Redis

from core.storage.site_days import SiteDayRow
from core.storage.store import Store
from core.storage.tables import SiteRow, utcnow
from hosting.analytics.keys import day_key, days_key, parse_day
from hosting.edge_keys import DEFAULT_PREFIX, STATUS_FIELDS

log = logging.getLogger(__name__)

TOP = 50  # pages and referrers kept per day row; a range's top list is drawn from these


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _counts(raw: Mapping[bytes | str, bytes | str]) -> dict[str, int]:
    return {_text(k): int(v) for k, v in raw.items() if _text(v).lstrip("-").isdigit()}


def top(counts: Mapping[str, int], n: int = TOP) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n])


class AnalyticsRollup:
    def __init__(self, redis: Redis, store: Store, prefix: str = DEFAULT_PREFIX) -> None:
        self.redis = redis
        self.store = store
        self.prefix = prefix

    async def run_once(self, now: datetime | None = None) -> int:
        """Writes every listed day; returns how many rows were written."""
        moment = now or utcnow()
        written = 0
        for member in sorted(_text(m) for m in await self.redis.smembers(days_key(self.prefix))):  # type: ignore[misc]
            slug, _, day_text = member.rpartition(":")
            day = parse_day(day_text)
            if not slug or day is None:
                await self.redis.srem(days_key(self.prefix), member)  # type: ignore[misc]
                continue
            if await self._write(slug, day_text):
                written += 1
            if day < moment.date() - timedelta(days=1):
                await self.redis.srem(days_key(self.prefix), member)  # type: ignore[misc]
        return written

    async def _write(self, slug: str, day_text: str) -> bool:
        base = day_key(self.prefix, slug, day_text)
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hgetall(base)
            pipe.hgetall(f"{base}:pages")
            pipe.hgetall(f"{base}:refs")
            pipe.pfcount(f"{base}:uv")
            totals_raw, pages_raw, refs_raw, visitors = await pipe.execute()
        totals = _counts(totals_raw)
        site_id = totals.get("site_id")
        day = parse_day(day_text)
        if site_id is None or day is None:
            return False
        async with self.store.session() as session, session.begin():
            if await session.get(SiteRow, site_id) is None:
                log.info("analytics of %s kept out: site %s no longer exists", slug, site_id)
                return False
            row = await session.get(SiteDayRow, (site_id, day))
            if row is None:
                row = SiteDayRow(site_id=site_id, day=day)
                session.add(row)
            row.requests = totals.get("requests", 0)
            row.views = totals.get("views", 0)
            row.bytes = totals.get("bytes", 0)
            row.visitors = int(visitors)
            row.classes = {name: totals[name] for name in STATUS_FIELDS if totals.get(name)}
            row.pages = top(_counts(pages_raw))
            row.referrers = top(_counts(refs_raw))
            row.updated_at = utcnow()
        return True
