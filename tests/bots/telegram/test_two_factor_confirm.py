"""Issue 18: with two-factor on, a domain change typed in a chat waits for a button in that same chat.

The press is the chat's second factor (as for linking and deletion): nothing is attached or
removed before it, it works once, and only for the person who asked.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pyotp
import pytest

from core.storage.records import ChatRef
from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn, buttons

CHAT = 7401


def _texts(standin: TelegramStandIn) -> list[str]:
    return [m["text"] for m in standin.sent(CHAT)]


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_a_domain_change_waits_for_the_button_when_two_factor_is_on(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver) as bot:
        standin.send_text(CHAT, "A bakery in Lisbon with a menu and opening hours")
        await standin.wait_for(lambda: standin.with_buttons(CHAT, "pm:publish"))
        accounts = bot.runtime.studio.accounts
        identity = await accounts.directory.find("telegram", "", str(CHAT))
        assert identity is not None
        totp = pyotp.parse_uri(await accounts.two_factor.begin(identity.user_id, "Ana"))
        await accounts.two_factor.confirm(identity.user_id, totp.at(datetime.now(UTC)))
        chat = ChatRef(platform="telegram", chat_id=str(CHAT), user_id=str(CHAT))
        conversation = await bot.runtime.store.conversation(chat)
        assert conversation.user_id == identity.user_id and conversation.site_id is not None

        standin.send_text(CHAT, "/domain padaria-exemplo.pt")
        await standin.wait_for(lambda: any("confirm attaching padaria-exemplo.pt" in t for t in _texts(standin)))
        asked = next(m for m in standin.sent(CHAT) if "confirm attaching" in m["text"])
        [button] = buttons(asked)
        assert button["text"] == "Confirm" and button["callback_data"].startswith("pm:do:/domain confirm ")
        assert await bot.runtime.store.domains_of(conversation.site_id) == []  # nothing before the press

        standin.press(CHAT, asked["message_id"], button["callback_data"], user_id=CHAT + 1)  # someone else
        await standin.wait_for(lambda: any("no longer valid" in t for t in _texts(standin)))
        assert await bot.runtime.store.domains_of(conversation.site_id) == []

        standin.send_text(CHAT, "/domain padaria-exemplo.pt")  # asked again: a new button
        await standin.wait_for(lambda: len([t for t in _texts(standin) if "confirm attaching" in t]) == 2)
        again = [m for m in standin.sent(CHAT) if "confirm attaching" in m["text"]][-1]
        standin.press(CHAT, again["message_id"], buttons(again)[0]["callback_data"])
        await standin.wait_for(lambda: any("padaria-exemplo.pt is mapped to your site" in t for t in _texts(standin)))
        assert [d.name for d in await bot.runtime.store.domains_of(conversation.site_id)] == ["padaria-exemplo.pt"]

        standin.press(CHAT, again["message_id"], buttons(again)[0]["callback_data"])  # the same press twice
        await standin.wait_for(lambda: len([t for t in _texts(standin) if "no longer valid" in t]) == 2)

        standin.send_text(CHAT, "/domain remove padaria-exemplo.pt")
        await standin.wait_for(lambda: any("confirm removing padaria-exemplo.pt" in t for t in _texts(standin)))
        assert [d.name for d in await bot.runtime.store.domains_of(conversation.site_id)] == ["padaria-exemplo.pt"]


async def test_without_two_factor_a_domain_is_attached_at_once(start_bot: BotFactory, standin: TelegramStandIn) -> None:
    async with start_bot():
        standin.send_text(CHAT, "A bakery in Lisbon with a menu and opening hours")
        await standin.wait_for(lambda: standin.with_buttons(CHAT, "pm:publish"))
        standin.send_text(CHAT, "/domain padaria-exemplo.pt")
        await standin.wait_for(lambda: any("padaria-exemplo.pt" in t for t in _texts(standin)))
        assert not any("confirm attaching" in t for t in _texts(standin))
