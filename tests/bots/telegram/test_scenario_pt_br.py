"""The README's first conversation in Brazilian Portuguese, end to end through the real aiogram driver.

A Telegram user whose app is in Brazilian Portuguese (``language_code: pt-br``)
describes a bakery, refines it, undoes, publishes, attaches a domain and asks
for usage. Every reply and the generated site must read as Brazilian: no form
only Portugal uses (the variant word lists), Brazilian words where it matters,
prices in reais, the phone in Brazil's format, ``<html lang="pt-BR">``.
"""

from __future__ import annotations

import re

import html5lib
import httpx

from core.i18n.variants import foreign_forms
from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn, buttons

CHAT = 7101
BR = {"language_code": "pt-br"}


def _texts(standin: TelegramStandIn) -> list[str]:
    return [m["text"] for m in standin.sent(CHAT)]


async def test_the_first_conversation_in_brazilian_portuguese(start_bot: BotFactory, standin: TelegramStandIn) -> None:
    async with start_bot(driver="aiogram", generator_delay=0.01) as bot:
        standin.send_text(CHAT, "/start", **BR)
        await standin.wait_for(lambda: any("Comandos" in t for t in _texts(standin)))
        assert "/language — escolher o idioma" in _texts(standin)[-1]

        standin.send_text(
            CHAT, "Uma padaria artesanal em Curitiba, com cardápio, horário e o WhatsApp (41) 99876-5432", **BR
        )
        await standin.wait_for(lambda: standin.with_buttons(CHAT, "pm:publish"))
        drafts = [d.params["text"] for d in standin.calls_to("sendMessageDraft", CHAT)]
        assert drafts and "Criando o seu site" in drafts[0]
        preview = standin.with_buttons(CHAT, "pm:publish")[-1]
        assert "está pronto (versão 1)" in preview["text"] and "Prévia ao vivo" in preview["text"]
        assert "✓ Cardápio" in preview["text"]
        assert {b["text"] for b in buttons(preview)} >= {"Publicar", "Desfazer", "Abrir prévia"}

        standin.send_text(CHAT, "deixa verde-escuro e coloca perguntas frequentes", **BR)
        await standin.wait_for(lambda: any("versão 2" in m["text"] for m in standin.with_buttons(CHAT, "pm:publish")))
        refined = standin.with_buttons(CHAT, "pm:publish")[-1]["text"]
        assert re.search(r"\(\d+ seç(ão alterada|ões alteradas)\)", refined), refined

        standin.send_text(CHAT, "/undo", **BR)
        await standin.wait_for(lambda: any("De volta à versão 1" in t for t in _texts(standin)))

        standin.send_text(CHAT, "/publish", **BR)
        await standin.wait_for(lambda: any("Versão 1 publicada" in t for t in _texts(standin)))

        standin.send_text(CHAT, "/domain padaria-exemplo.com.br", **BR)
        await standin.wait_for(lambda: any("padaria-exemplo.com.br está vinculado" in t for t in _texts(standin)))

        standin.send_text(CHAT, "/usage", **BR)
        await standin.wait_for(lambda: any(t.startswith("Uso de") for t in _texts(standin)))
        usage = next(t for t in _texts(standin) if t.startswith("Uso de"))
        assert "• gerações: 2 de" in usage and "O uso é renovado em" in usage

        standin.send_text(CHAT, "muda o celular para (41) 9987-543", **BR)
        await standin.wait_for(lambda: any("não é um número de telefone válido" in t for t in _texts(standin)))
        refused = _texts(standin)[-1]
        assert "(país: Brasil)" in refused and "+55" in refused and "DDD" in refused

        # Every reply reads as Brazilian: none holds a form only Portugal uses.
        replies = [*drafts, *_texts(standin)]
        foreign = {text: found for text in replies if (found := foreign_forms(_prose(text), "pt_BR"))}
        assert foreign == {}

        # The generated site (version 1, as published) is Brazilian too.
        local = f"http://127.0.0.1:{bot.runtime.settings.port}"  # the public URL is not served in tests
        page = await _get(local + "/p/" + preview["text"].rsplit("/p/", 1)[1].split()[0])
        assert page.status_code == 200
        root = html5lib.parse(page.text, namespaceHTMLElements=False)
        assert root.get("lang") == "pt-BR"
        body = " ".join(root.find("body").itertext())  # type: ignore[union-attr]
        assert foreign_forms(body, "pt_BR") == []
        assert "Cardápio" in body and "Contato" in body and "R$" in body and "€" not in body
        assert "(41) 99876-5432" in body and 'href="tel:+5541998765432"' in page.text
        assert "https://wa.me/5541998765432" in page.text
        assert re.search(r"\b\d{1,2}h(\d{2})?–\d{1,2}h", body), "opening hours written the Brazilian way"

        assert [(c.method, c.status) for c in standin.calls if c.status != 200] == []


def _prose(text: str) -> str:
    # Commands, addresses and URLs are not Portuguese words.
    return re.sub(r"https?://\S+|/\w+|\S+\.(?:pt|br)\b", " ", text)


async def _get(url: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as client:
        return await client.get(url)
