"""The whole conversation through each driver and each run mode, as Telegram would carry it.

describe → drafts stream → preview message with buttons → refine → Publish button
→ published URL → /domain → /usage, with every call checked by the Bot API stand-in.
"""

from __future__ import annotations

import pytest

from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn, buttons

CHAT = 7001


def _texts(standin: TelegramStandIn) -> list[str]:
    return [m["text"] for m in standin.sent(CHAT)]


@pytest.mark.parametrize(
    ("driver", "webhook"),
    [("aiogram", False), ("ptb", False), ("aiogram", True), ("ptb", True)],
    ids=["aiogram-polling", "ptb-polling", "aiogram-webhook", "ptb-webhook"],
)
async def test_describe_refine_publish_domain_usage(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str, webhook: bool
) -> None:
    async with start_bot(driver=driver, webhook=webhook, generator_delay=0.03):
        # start-up: menu in the default language and pt/en/es, polling or webhook set up
        languages = [c.params.get("language_code") for c in standin.calls_to("setMyCommands")]
        assert sorted(languages, key=str) == sorted([None, "pt", "en", "es"], key=str)
        pt_menu = next(c for c in standin.calls_to("setMyCommands") if c.params.get("language_code") == "pt")
        # One Portuguese menu (setMyCommands takes two-letter codes): the Brazilian one.
        assert {"command": "publish", "description": "Colocar o site no ar"} in pt_menu.params["commands"]
        assert {"command": "language", "description": "Escolher o idioma"} in pt_menu.params["commands"]
        if webhook:
            assert standin.webhook is not None
            assert standin.webhook["secret_token"] == "s3cret-header-value"
            assert standin.webhook["allowed_updates"] == ["message", "callback_query"]
        else:
            assert standin.calls_to("deleteWebhook")

        # /start in European Portuguese (language_code pt; tests/bots/telegram/test_scenario_pt_br.py runs it in Brazil's)
        standin.send_text(CHAT, "/start", language_code="pt")
        await standin.wait_for(lambda: any("Comandos" in t for t in _texts(standin)))

        # describe: drafts stream, then the final message is persisted with buttons
        standin.send_text(
            CHAT, "Uma padaria artesanal em Lisboa, com menu, horário e contacto", language_code="pt"
        )
        await standin.wait_for(lambda: standin.with_buttons(CHAT, "pm:publish"))
        drafts = standin.calls_to("sendMessageDraft", CHAT)
        assert len(drafts) >= 2, "progress should stream as several drafts"
        assert len({d.params["draft_id"] for d in drafts}) == 1
        assert "A criar o seu site" in drafts[0].params["text"]
        assert any("✓" in d.params["text"] for d in drafts)
        assert standin.calls_to("sendChatAction", CHAT)
        preview = standin.with_buttons(CHAT, "pm:publish")[-1]
        assert "está pronto (versão 1)" in preview["text"]
        assert "✓ Destaque" in preview["text"]
        labels = {b["text"]: b for b in buttons(preview)}
        assert labels["Publicar"]["callback_data"] == "pm:publish"
        assert labels["Desfazer"]["callback_data"] == "pm:undo"
        assert labels["Abrir pré-visualização"]["url"].startswith("https://preview.pagemagic.test/p/")

        # refine
        standin.send_text(CHAT, "deixa-o verde escuro e adiciona perguntas frequentes", language_code="pt")
        await standin.wait_for(
            lambda: any("versão 2" in m["text"] for m in standin.with_buttons(CHAT, "pm:publish"))
        )

        # the Publish button publishes the current version
        latest = standin.with_buttons(CHAT, "pm:publish")[-1]
        standin.press(CHAT, latest["message_id"], "pm:publish", language_code="pt")
        await standin.wait_for(lambda: any("publicada" in t for t in _texts(standin)))
        assert standin.calls_to("answerCallbackQuery")
        published = next(m for m in standin.sent(CHAT) if "publicada" in m["text"])
        assert "Versão 2 publicada: https://preview.pagemagic.test/s/" in published["text"]
        assert buttons(published)[0]["url"].startswith("https://preview.pagemagic.test/s/")

        # /domain and /usage
        standin.send_text(CHAT, "/domain padaria-exemplo.pt", language_code="pt")
        await standin.wait_for(lambda: any("padaria-exemplo.pt está associado" in t for t in _texts(standin)))
        standin.send_text(CHAT, "/usage", language_code="pt")
        await standin.wait_for(lambda: any(t.startswith("Utilização de") for t in _texts(standin)))
        usage = next(t for t in _texts(standin) if t.startswith("Utilização de"))
        assert "• gerações: 2 de" in usage
        assert "• publicações: 1 de" in usage

        # nothing the bot sent was refused, and no two messages broke the (test) limits
        assert [(c.method, c.status) for c in standin.calls if c.status != 200] == []
        assert standin.limit_violations(per_chat=0.05, group_per_minute=1000, per_second=1000) == []
