"""A site's range of days from ``site_days``: at most 90 rows, so any range is one cheap query."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select

from core.analytics.figures import DayFigures, RangeFigures
from core.storage.site_days import SiteDayRow
from core.storage.store import Store

RANGES = (7, 30, 90)
TOP = 10


async def site_range(store: Store, site_id: int, last_day: date, days: int) -> RangeFigures:
    """The ``days`` days that end with ``last_day`` (included)."""
    first = last_day - timedelta(days=days - 1)
    async with store.session() as session:
        rows = {
            row.day: row
            for row in await session.scalars(
                select(SiteDayRow).where(SiteDayRow.site_id == site_id, SiteDayRow.day >= first,
                                         SiteDayRow.day <= last_day)
            )
        }
    figures: list[DayFigures] = []
    classes: Counter[str] = Counter()
    pages: Counter[str] = Counter()
    referrers: Counter[str] = Counter()
    for offset in range(days):
        day = first + timedelta(days=offset)
        row = rows.get(day)
        if row is None:
            figures.append(DayFigures(day))
            continue
        figures.append(DayFigures(day, row.requests, row.views, row.visitors, row.bytes))
        classes.update(row.classes or {})
        pages.update(row.pages or {})
        referrers.update(row.referrers or {})
    pages.pop("~other", None)
    referrers.pop("~other", None)
    return RangeFigures(
        days=tuple(figures),
        classes=tuple(sorted(classes.items())),
        pages=tuple(sorted(pages.items(), key=lambda i: (-i[1], i[0]))[:TOP]),
        referrers=tuple(sorted(referrers.items(), key=lambda i: (-i[1], i[0]))[:TOP]),
    )
