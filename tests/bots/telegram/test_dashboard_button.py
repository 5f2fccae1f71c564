"""Issue 18: a dashboard button under each preview, through both drivers to the Bot API stand-in.

With an https public URL it is a Mini App button (``web_app``: the dashboard opens inside
Telegram and signs in from ``initData``); otherwise a press that sends a one-time sign-in
link, as ``/dashboard`` does. Groups get neither: a sign-in is a person's, not a group's.
"""

from __future__ import annotations

import pytest

from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn, buttons

CHAT = 7301
GROUP = -100731


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_a_preview_in_a_private_chat_has_the_dashboard_as_a_mini_app(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver):  # PAGEMAGIC_PUBLIC_URL=https://preview.pagemagic.test
        standin.send_text(CHAT, "A bakery in Lisbon with a menu and opening hours")
        await standin.wait_for(lambda: standin.with_buttons(CHAT, "pm:publish"))
        preview = standin.with_buttons(CHAT, "pm:publish")[-1]
        dashboard = next(b for b in buttons(preview) if b["text"] == "Open dashboard")
        assert dashboard["web_app"] == {"url": "https://preview.pagemagic.test/app/"}
        assert [(c.method, c.status) for c in standin.calls if c.status != 200] == []


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_without_https_the_dashboard_button_sends_a_sign_in_link(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver, public_url="http://preview.pagemagic.test") as bot:
        standin.send_text(CHAT, "Una panadería artesanal en Sevilla con menú, horario y contacto", language_code="es")
        await standin.wait_for(lambda: standin.with_buttons(CHAT, "pm:publish"))
        preview = standin.with_buttons(CHAT, "pm:publish")[-1]
        dashboard = next(b for b in buttons(preview) if b["text"] == "Abrir panel")
        assert dashboard["callback_data"] == "pm:dashboard" and "web_app" not in dashboard
        standin.press(CHAT, preview["message_id"], "pm:dashboard", language_code="es")
        await standin.wait_for(lambda: any("/auth/link#" in m["text"] for m in standin.sent(CHAT)))
        sent = next(m for m in standin.sent(CHAT) if "/auth/link#" in m["text"])
        [link] = [b["url"] for b in buttons(sent)]
        assert link.startswith("http://preview.pagemagic.test/auth/link#")
        user, _payload = await bot.runtime.studio.accounts.links.redeem(link.split("#", 1)[1])
        identity = await bot.runtime.studio.accounts.directory.find("telegram", "", str(CHAT))
        assert identity is not None and identity.user_id == user  # the presser's own account


async def test_a_preview_in_a_group_has_no_dashboard_button(start_bot: BotFactory, standin: TelegramStandIn) -> None:
    async with start_bot():
        standin.send_text(GROUP, "@PageMagicBot a barber shop in Seville with prices", user_id=11)
        await standin.wait_for(lambda: standin.with_buttons(GROUP, "pm:publish"))
        preview = standin.with_buttons(GROUP, "pm:publish")[-1]
        assert not [b for b in buttons(preview) if "web_app" in b or b.get("callback_data") == "pm:dashboard"]
        assert [(c.method, c.status) for c in standin.calls if c.status != 200] == []
