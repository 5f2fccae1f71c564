"""``/app/sites/{site_id}/analytics``: a site's figures over 7, 30 or 90 days, chart drawn here as SVG."""

from __future__ import annotations

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response

from core.analytics import RANGES, site_range
from core.i18n.formatting import number
from core.messages import say
from core.storage.store import Store
from core.studio.formatting import _amount
from core.studio.stats_flow import chart_data
from pipeline.charts import chart_svg
from web.insights.owned import not_found, owned_site, site_id_of
from web.pages.guard import Visitor, signed_in
from web.rendering import render


def chosen_range(request: Request) -> int:
    raw = request.query_params.get("days", "")
    return int(raw) if raw.isdigit() and int(raw) in RANGES else RANGES[0]


async def analytics_page(request: Request) -> Response:
    visitor = await signed_in(request)
    if not isinstance(visitor, Visitor):
        return visitor
    site = await owned_site(visitor, site_id_of(request))
    if site is None:
        return not_found(visitor)
    days = chosen_range(request)
    store: Store = visitor.web.accounts.store
    today = visitor.web.studio.stats_flow.today()  # the same day as /stats (one clock, which tests set)
    figures = await site_range(store, site.id, today, days)
    locale = visitor.locale
    summary = say(
        locale, "stats_summary", site=site.name, days=days, visitors=number(figures.visitors, locale),
        views=number(figures.views, locale), requests=number(figures.requests, locale),
        bytes=_amount("bytes", figures.bytes, locale),
    )
    chart = chart_svg(chart_data(figures, say(locale, "stats_title", site=site.name, days=days), locale), summary)
    tiles = [
        ("visitors", say(locale, "stats_visitors"), number(figures.visitors, locale)),
        ("views", say(locale, "stats_views"), number(figures.views, locale)),
        ("requests", say(locale, "web_ins_requests"), number(figures.requests, locale)),
        ("bytes", say(locale, "web_ins_bandwidth"), _amount("bytes", figures.bytes, locale)),
    ]
    classes = [(name, number(count, locale)) for name, count in figures.classes]
    return render(
        "insights/analytics.html", locale, csrf=visitor.session.csrf, site=site, days=days, ranges=RANGES,
        summary=summary, chart=Markup(chart), tiles=tiles, classes=classes,
        pages=[(path, number(n, locale)) for path, n in figures.pages],
        referrers=[(host, number(n, locale)) for host, n in figures.referrers],
        section="analytics",
    )
