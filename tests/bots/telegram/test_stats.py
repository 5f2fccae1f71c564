"""/stats in Telegram: the chart reaches the wire as a photo (sendPhoto, multipart PNG) with the
one-line summary as its caption, in the user's language, through both drivers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from core.storage.site_days import SiteDayRow
from core.storage.tables import SiteRow
from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_stats_sends_the_chart_as_a_photo_with_a_summary(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver) as bot:
        bot.runtime.studio.stats_flow.clock = lambda: datetime(2026, 11, 30, 15, tzinfo=UTC)
        standin.send_text(8601, "Uma padaria artesanal em Lisboa, com menu e contacto", language_code="pt-br")
        await standin.wait_for(lambda: standin.with_buttons(8601, "pm:publish"))
        async with bot.runtime.store.session() as session, session.begin():
            site = (await session.scalars(select(SiteRow))).one()
            for back in range(10):  # ten days of traffic, three of them outside a 7-day range
                session.add(SiteDayRow(
                    site_id=site.id, day=TODAY - timedelta(days=back), requests=1200, views=1000, visitors=100 + back,
                    bytes=3_000_000, classes={"2xx": 1100, "4xx": 100}, pages={"/": 800, "/menu": 200},
                    referrers={"www.google.com": 50},
                ))
        standin.send_text(8601, "/stats")
        await standin.wait_for(lambda: standin.photos.get(8601))
        photo = standin.photos[8601][0]
        assert photo["data"].startswith(b"\x89PNG\r\n\x1a\n")
        # Brazilian Portuguese, numbers formatted for Brazil: 7 days of 100..106 visitors
        assert photo["caption"] == (
            f"{site.name}, últimos 7 dias: 721 visitantes, 7.000 visualizações de página, 8.400 requisições, "
            "21 MB servidos."
        )
        assert not [m for m in standin.sent(8601) if "últimos 7 dias" in m["text"]]  # the photo, not a text too

        standin.send_text(8601, "/stats 90")
        await standin.wait_for(lambda: len(standin.photos.get(8601, [])) == 2)
        assert "últimos 90 dias: 1.045 visitantes" in standin.photos[8601][1]["caption"]
