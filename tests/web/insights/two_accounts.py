"""Two accounts with a site each, one of them signed in (a chat link), and days of analytics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from core.events import SignInLink
from core.storage.records import ChatRef
from core.storage.site_days import SiteDayRow
from tests.web.conftest import Served
from tests.web.signing import Browser

ANA = ChatRef(platform="telegram", chat_id="7301", user_id="7301", user_name="Ana")
RUI = ChatRef(platform="telegram", chat_id="7302", user_id="7302", user_name="Rui")
TODAY = date(2026, 11, 30)


@dataclass
class Two:
    browser: Browser
    mine: int  # Ana's site id
    theirs: int  # Rui's site id
    link: str  # a fresh sign-in token for another browser


async def site_of(served: Served, chat: ChatRef, description: str) -> int:
    async for _event in served.rt.studio.message(chat, description):
        pass
    conversation = await served.rt.store.conversation(chat)
    assert conversation.site_id is not None
    return conversation.site_id


async def link_for(served: Served, chat: ChatRef = ANA) -> str:
    events = [e async for e in served.rt.studio.message(chat, "/dashboard")]
    return next(e for e in events if isinstance(e, SignInLink)).url.split("#", 1)[1]


async def two_accounts(served: Served) -> Two:
    served.rt.studio.stats_flow.clock = lambda: datetime(2026, 11, 30, 12, tzinfo=UTC)
    mine = await site_of(served, ANA, "A bakery in Lisbon with a menu and contact")
    theirs = await site_of(served, RUI, "A bike repair shop in Porto with prices")
    browser = Browser(served.http)
    answer = await browser.sign_in("/auth/link", "/auth/link", await link_for(served))
    assert answer.status_code == 200
    return Two(browser, mine, theirs, await link_for(served))


async def traffic(served: Served, site_id: int, days: int = 40) -> None:
    """``days`` days of figures ending today: day n back has 100 + n visitors and 1000 page views."""
    async with served.rt.store.session() as session, session.begin():
        for back in range(days):
            session.add(SiteDayRow(
                site_id=site_id, day=TODAY - timedelta(days=back), requests=1200, views=1000, visitors=100 + back,
                bytes=3_000_000, classes={"2xx": 1100, "4xx": 100}, pages={"/": 800, "/menu": 200},
                referrers={"www.google.com": 50, "instagram.com": 20},
            ))
