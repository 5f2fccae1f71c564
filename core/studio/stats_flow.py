"""``/stats``: the open site's analytics as a chart image and one sentence, in the user's language.

A flow object Studio holds (not a mixin): it needs only the store, a chart drawer and a clock.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date, datetime

from core.analytics import RANGES, RangeFigures, site_range
from core.errors import NoSiteYet
from core.events import Event, Reply, StatsChart
from core.i18n.formatting import day_short, number
from core.messages import say
from core.site.values import Language
from core.storage.records import ConversationRecord, SiteRecord
from core.storage.store import Store
from core.storage.tables import utcnow
from core.studio.formatting import _amount
from pipeline.charts import ChartData, chart_png


def parse_range(argument: str) -> int | None:
    """``""`` -> 7; ``"30"``, ``"30d"``, ``"30 days"`` -> 30; anything but 7, 30 or 90 -> None."""
    word = argument.strip().lower().split(" ", 1)[0].rstrip("d")
    if not word:
        return RANGES[0]
    return int(word) if word.isdigit() and int(word) in RANGES else None


def summary(figures: RangeFigures, site: SiteRecord, days: int, language: Language) -> str:
    """The one line under the chart (also the web chart's accessible name)."""
    return say(
        language, "stats_summary", site=site.name, days=days, visitors=number(figures.visitors, language),
        views=number(figures.views, language), requests=number(figures.requests, language),
        bytes=_amount("bytes", figures.bytes, language),
    )


def chart_data(figures: RangeFigures, title: str, language: Language) -> ChartData:
    return ChartData(
        title=title,
        labels=tuple(day_short(d.day, language) for d in figures.days),
        back=tuple(d.views for d in figures.days),
        front=tuple(d.visitors for d in figures.days),
        back_name=say(language, "stats_views"),
        front_name=say(language, "stats_visitors"),
    )


class StatsFlow:
    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    def today(self) -> date:
        return self.clock().date()

    async def stats(self, conversation: ConversationRecord, argument: str, language: Language) -> AsyncIterator[Event]:
        if conversation.site_id is None:
            raise NoSiteYet()
        days = parse_range(argument)
        if days is None:
            yield Reply(say(language, "stats_ranges"), kind="stats")
            return
        site = await self.store.site(conversation.site_id)
        figures = await site_range(self.store, site.id, self.today(), days)
        line = summary(figures, site, days, language)
        title = say(language, "stats_title", site=site.name, days=days)
        png = chart_png(chart_data(figures, title, language))
        yield StatsChart(filename=f"{site.slug}-{days}d.png", png=png, days=days, language=language, text=line)
