"""What users and Telegram throw at the bot: other content, long texts, blocks, 429s, bad tokens."""

from __future__ import annotations

import pytest

from bots.telegram.port import TelegramTokenRejected
from bots.telegram.service import TelegramService
from bots.wiring import runtime
from core.storage.records import ChatRef
from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn
from tests.waiting import eventually


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_stickers_voice_and_files_get_a_helpful_reply(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver):
        standin.send_sticker(8101, language_code="es")
        standin.send_voice(8102, language_code="pt")
        standin.send_document(8103, language_code="en")
        await standin.wait_for(lambda: all(standin.sent(c) for c in (8101, 8102, 8103)))
        assert "Leo texto y fotos" in standin.sent(8101)[0]["text"]  # photos are read since issue 17
        assert "Leio texto e fotos" in standin.sent(8102)[0]["text"]
        assert "I can read text and photos" in standin.sent(8103)[0]["text"]  # brief.pdf is not an image
        # nothing was generated for them: no site, no drafts
        assert not standin.calls_to("sendMessageDraft")


async def test_a_4000_character_description_works(start_bot: BotFactory, standin: TelegramStandIn) -> None:
    sentence = "A family bakery in Lisbon with sourdough bread, pastries, a menu, opening hours and contact. "
    description = (sentence * 50)[:4000]
    async with start_bot():
        standin.send_text(8200, description)
        await standin.wait_for(lambda: standin.with_buttons(8200, "pm:publish"))
        assert "is ready (version 1)" in standin.with_buttons(8200, "pm:publish")[0]["text"]


async def test_too_long_and_escaped_text(start_bot: BotFactory, standin: TelegramStandIn) -> None:
    async with start_bot():
        standin.send_text(8300, "x" * 5000)
        standin.send_text(8301, "A bakery in Lisbon with a menu")
        await standin.wait_for(lambda: standin.sent(8300) and standin.with_buttons(8301, "pm:publish"))
        assert "5000" in standin.sent(8300)[0]["text"] or "4000" in standin.sent(8300)[0]["text"]
        # what the user typed comes back escaped: the stand-in refuses bad HTML with a 400
        standin.send_text(8301, "/domain <script>x</script>.com")
        await standin.wait_for(lambda: any("<script>" in m["text"] for m in standin.sent(8301)))
        echoed = next(m["text"] for m in standin.sent(8301) if "<script>" in m["text"])
        assert "“<script>x</script>.com” is not a valid domain name" in echoed  # shown as typed, not as markup
        assert {c.status for c in standin.calls_to("sendMessage", 8301)} == {200}


async def test_a_user_who_blocked_the_bot_keeps_their_site(
    start_bot: BotFactory, standin: TelegramStandIn
) -> None:
    async with start_bot() as bot:
        standin.block(8400)
        standin.send_text(8400, "A flower shop in Porto with a gallery and contact")
        chat = ChatRef("telegram", "8400", "8400")
        store = bot.runtime.store

        async def has_site() -> bool:
            return (await store.conversation(chat)).site_id is not None

        await eventually(has_site, what="the site stored although nothing could be sent")
        tried = [c.status for c in standin.calls if c.chat_id == 8400]
        assert tried and set(tried) == {403}, "the bot tried to answer, and Telegram refused every try"
        # the bot is still fine for everyone else
        standin.send_text(8401, "/help")
        await standin.wait_for(lambda: standin.sent(8401))


async def test_429_is_honoured_with_its_retry_after(start_bot: BotFactory, standin: TelegramStandIn) -> None:
    async with start_bot():
        standin.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1, chat_id=8500)
        standin.send_text(8500, "/help")
        await standin.wait_for(lambda: standin.sent(8500))
        first, retry = standin.calls_to("sendMessage", 8500)  # one refused try, one retry: no more
        assert retry.params["text"] == first.params["text"] and retry.status == 200
        assert retry.at - first.at >= 0.95, "the retry waited the retry_after Telegram asked for"
        assert len(standin.sent(8500)) == 1


async def test_drafts_unavailable_falls_back_to_editing_one_message(
    start_bot: BotFactory, standin: TelegramStandIn
) -> None:
    standin.drafts_supported = False
    async with start_bot(generator_delay=0.03):
        standin.send_text(8600, "A yoga studio in Madrid with pricing and a FAQ")
        await standin.wait_for(lambda: standin.with_buttons(8600, "pm:publish"))
        assert standin.calls_to("editMessageText", 8600), "progress is shown by editing one message"
        messages = standin.sent(8600)
        assert len(messages) == 1, "the progress message became the final one"
        assert "is ready (version 1)" in messages[0]["text"]


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_a_wrong_token_stops_start_up_clearly(
    standin: TelegramStandIn,
    settings_for,
    driver: str,  # type: ignore[no-untyped-def]
) -> None:
    settings = settings_for(
        telegram_token="999999:wrong-token-value", telegram_driver=driver, telegram_api_base=standin.url
    )
    service = TelegramService(settings)
    async with runtime(settings) as rt:
        with pytest.raises(TelegramTokenRejected) as caught:
            await service.start(rt.studio)
    message = str(caught.value)
    assert "refused PAGEMAGIC_TELEGRAM_TOKEN" in message
    assert "wrong-token-value" not in message
    assert not standin.calls_to("getUpdates")


async def test_a_malformed_token_is_refused_before_any_call(
    standin: TelegramStandIn,
    settings_for,  # type: ignore[no-untyped-def]
) -> None:
    settings = settings_for(telegram_token="not a token", telegram_api_base=standin.url)
    async with runtime(settings) as rt:
        with pytest.raises(TelegramTokenRejected, match="not shaped like a bot token"):
            await TelegramService(settings).start(rt.studio)
    assert standin.calls == []


async def test_a_refused_command_menu_does_not_stop_the_bot(start_bot: BotFactory, standin: TelegramStandIn) -> None:
    standin.fail("setMyCommands", 429, "Too Many Requests: retry after 30", retry_after=30)
    async with start_bot():
        standin.send_text(8700, "/help")
        await standin.wait_for(lambda: standin.sent(8700))
        assert "/publish" in standin.sent(8700)[0]["text"]  # the bot runs and answers
    assert standin.calls_to("setMyCommands"), "the menu was asked for (and refused)"
