"""/pagemagic stats in Slack: the chart goes up as a PNG file (files_upload_v2 against the stand-in)
with the one-line summary as its comment."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from core.storage.site_days import SiteDayRow
from core.storage.tables import SiteRow
from tests.bots.slack.flow import install
from tests.standins.slack_api import SlackApiStandIn


async def test_stats_uploads_the_chart_with_its_summary(
    serve: Any, slack_settings: Any, oauth_settings: Any, slack_api: SlackApiStandIn
) -> None:
    async with serve(slack_settings(**oauth_settings)) as slack:
        await install(slack, "T0000FIRST", "UINSTALL")
        slack.rt.studio.stats_flow.clock = lambda: datetime(2026, 11, 30, 9, tzinfo=UTC)
        await slack.command("T0000FIRST", "C1", "UALICE", "describe a bakery in Lisbon with a menu")
        await slack_api.wait_for(lambda: slack_api.called("chat.stopStream"))
        async with slack.rt.store.session() as session, session.begin():
            site = (await session.scalars(select(SiteRow))).one()
            for back in range(3):
                session.add(SiteDayRow(site_id=site.id, day=date(2026, 11, 30) - timedelta(days=back), requests=50,
                                       views=40, visitors=10, bytes=1_000_000, classes={}, pages={}, referrers={}))
        await slack.command("T0000FIRST", "C1", "UALICE", "stats")
        upload = await slack_api.wait_for(lambda: [u for u in slack_api.uploads.values() if u.get("comment")])
        assert upload[0]["data"].startswith(b"\x89PNG\r\n\x1a\n") and upload[0]["name"].endswith("-7d.png")
        assert upload[0]["channel"] == "C1"
        assert upload[0]["comment"] == f"{site.name}, last 7 days: 30 visitors, 120 page views, 150 requests, 3 MB served."
