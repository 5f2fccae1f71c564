"""The command menu as it reaches Telegram: every command, the account's too, described from the catalogs."""

from __future__ import annotations

import pytest

from bots.telegram.commands import MENU
from core.commands import COMMANDS
from core.i18n.locales import Locale
from core.messages import say
from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn

ACCOUNT = ("account", "link", "unlink", "dashboard", "email", "export", "delete_account")


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_the_menu_lists_the_account_commands_in_each_language(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver):
        await standin.wait_for(lambda: len(standin.menus) == 4)
        # a command from the menu, chosen as Telegram sends it, is answered (and the bot stops cleanly
        # only once an update went through: an idle long poll is what the other scenarios avoid too)
        standin.send_text(8800, "/account", language_code="es")
        await standin.wait_for(lambda: standin.sent(8800))
    # the default menu (any other language) in English, then one per two-letter code
    assert set(standin.menus) == {None, "en", "es", "pt"}
    expected: tuple[tuple[str | None, Locale], ...] = ((None, "en"), ("en", "en"), ("es", "es"), ("pt", "pt_BR"))
    for code, locale in expected:
        listed = dict(standin.menus[code])
        for name in ACCOUNT:
            assert listed[name] == say(locale, f"command_{name}"), (code, name)
        assert {"publish", "domain", "usage", "language", "help"} <= set(listed)
    assert dict(standin.menus["pt"])["link"] == "Vincular este chat à sua conta em outro app"
    assert dict(standin.menus["es"])["delete_account"] == "Eliminar tu cuenta y tus datos"
    assert dict(standin.menus[None])["dashboard"] == "Sign in to the web dashboard"


def test_every_menu_entry_is_a_command_with_a_description_in_all_four_locales() -> None:
    assert set(MENU) <= set(COMMANDS)
    assert set(ACCOUNT) <= set(MENU)
    locales: tuple[Locale, ...] = ("pt_BR", "pt_PT", "es", "en")
    for locale in locales:
        descriptions = [say(locale, f"command_{name}") for name in MENU]
        assert all(0 < len(d) <= 256 and not d.startswith("command_") for d in descriptions), locale
    # European Portuguese has its own words, though Telegram's one "pt" menu shows the Brazilian ones
    assert say("pt_PT", "command_export") == "Descarregar todos os seus dados (zip)"


async def test_the_standin_refuses_what_telegram_refuses(standin: TelegramStandIn) -> None:
    import httpx

    async with httpx.AsyncClient() as client:
        url = f"{standin.url}/bot{standin.token}/setMyCommands"
        bad = await client.post(url, json={"commands": [{"command": "Delete-Account", "description": "x"}]})
        assert bad.status_code == 400 and "BOT_COMMAND_INVALID" in bad.json()["description"]
        code = await client.post(url, json={"commands": [], "language_code": "pt-br"})
        assert code.status_code == 400 and "LANG_CODE_INVALID" in code.json()["description"]
