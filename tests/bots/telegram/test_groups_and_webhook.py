"""Groups (commands, mentions, replies; one site per chat) and the webhook's guard and de-duplication."""

from __future__ import annotations

import pytest

from tests.bots.telegram.conftest import BotFactory, barrier
from tests.standins.telegram_api import TelegramStandIn, buttons

GROUP = -100777


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_group_answers_commands_mentions_and_replies_only(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver, generator_delay=0.02):
        standin.send_text(GROUP, "good morning everyone", user_id=11)
        standin.send_text(GROUP, "/help@SomeOtherBot", user_id=11)
        standin.send_sticker(GROUP, user_id=11)
        standin.send_text(GROUP, "@PageMagicBot a barber shop in Seville with prices", user_id=11)
        await standin.wait_for(lambda: standin.with_buttons(GROUP, "pm:publish"))
        # in groups progress is one edited message (drafts are for private chats only)
        assert not standin.calls_to("sendMessageDraft")
        assert standin.calls_to("editMessageText", GROUP)
        assert len(standin.sent(GROUP)) == 1
        preview = standin.sent(GROUP)[0]
        # a reply to the bot's message is for the bot: refine the group's one site
        standin.send_text(GROUP, "make it dark green", user_id=12, reply_to=preview["message_id"])
        await standin.wait_for(lambda: any("version 2" in m["text"] for m in standin.sent(GROUP)))
        standin.send_text(GROUP, "/history@PageMagicBot", user_id=12)
        await standin.wait_for(lambda: any("versions:" in m["text"] for m in standin.sent(GROUP)))
        texts = [m["text"] for m in standin.sent(GROUP)]
        assert not any("read text" in t for t in texts), "an unaddressed sticker in a group is ignored"
        assert not any("Commands:" in t for t in texts), "/help for another bot is ignored"
        assert "v2" in texts[-1] and "v1" in texts[-1]


async def test_webhook_refuses_requests_without_the_secret(
    start_bot: BotFactory, standin: TelegramStandIn
) -> None:
    async with start_bot(webhook=True):
        update = {"message": {"message_id": 1, "date": 0, "chat": {"id": 9100, "type": "private"},
                              "from": {"id": 9100, "is_bot": False, "first_name": "Eve"}, "text": "/help"}}  # fmt: skip
        assert await standin.deliver({"update_id": 1, **update}, secret="") == 401
        assert await standin.deliver({"update_id": 2, **update}, secret="guess") == 401
        assert await standin.deliver({"update_id": 3, **update}) == 200
        await standin.wait_for(lambda: standin.sent(9100))
        await barrier(standin)
        assert len(standin.sent(9100)) == 1, "only the update with the secret was processed"


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_the_same_update_twice_is_processed_once(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver, webhook=True):
        first = standin.send_text(9200, "A bakery in Lisbon with a menu")
        await standin.settle()
        standin.push({"message": first["message"]}, update_id=first["update_id"])  # Telegram redelivers
        await standin.settle()
        await standin.wait_for(lambda: standin.with_buttons(9200, "pm:publish"))
        await barrier(standin)
        assert standin.webhook_answers == [200, 200, 200]
        assert len(standin.with_buttons(9200, "pm:publish")) == 1
        assert len(standin.calls_to("sendChatAction", 9200)) == 1


async def test_undo_button_goes_back_and_unknown_buttons_are_only_answered(
    start_bot: BotFactory, standin: TelegramStandIn
) -> None:
    async with start_bot():
        standin.send_text(9300, "Una panadería en Madrid con menú y horario", language_code="es")
        await standin.wait_for(lambda: standin.with_buttons(9300, "pm:publish"))
        standin.send_text(9300, "ponlo verde oscuro", language_code="es")
        await standin.wait_for(lambda: len(standin.with_buttons(9300, "pm:undo")) == 2)
        latest = standin.with_buttons(9300, "pm:undo")[-1]
        assert {b["text"] for b in buttons(latest)} >= {"Publicar", "Deshacer"}
        standin.press(9300, latest["message_id"], "pm:undo", language_code="es")
        await standin.wait_for(lambda: len(standin.with_buttons(9300, "pm:undo")) == 3)
        assert "De vuelta a la versión 1" in standin.with_buttons(9300, "pm:undo")[-1]["text"]
        before = len(standin.sent(9300))
        standin.press(9300, latest["message_id"], "something-else")
        await standin.wait_for(lambda: len(standin.calls_to("answerCallbackQuery")) == 2)
        standin.send_text(9300, "/help", language_code="es")  # handled after the press in this chat
        await standin.wait_for(lambda: len(standin.sent(9300)) > before)
        assert len(standin.sent(9300)) == before + 1 and "/publish" in standin.sent(9300)[-1]["text"]
