"""The command menu Telegram shows, in the default language and per language code."""

from __future__ import annotations

from bots.telegram.port import BotApi, BotCommand
from core.i18n.locales import Locale
from core.messages import say

MENU: tuple[str, ...] = (
    "start", "new", "publish", "unpublish", "domain", "usage", "stats", "upgrade", "undo", "redo", "history", "language", "help",
)
# setMyCommands takes two-letter codes only, so one Portuguese menu serves both variants:
# the Brazilian one, as most Portuguese-speaking Telegram users are in Brazil.
MENU_LOCALES: dict[str, Locale] = {"pt": "pt_BR", "en": "en", "es": "es"}


def menu(language: Locale) -> list[BotCommand]:
    return [BotCommand(name, say(language, f"command_{name}")) for name in MENU]


async def register_commands(api: BotApi) -> None:
    await api.set_commands(menu("en"), None)
    for code, locale in MENU_LOCALES.items():
        await api.set_commands(menu(locale), code)
