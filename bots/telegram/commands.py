"""The command menu Telegram shows, in the default language and per language code."""

from __future__ import annotations

from bots.telegram.port import BotApi, BotCommand
from core.i18n.locales import Locale
from core.messages import say

MENU: tuple[str, ...] = (
    "start", "new", "publish", "unpublish", "domain", "usage", "stats", "upgrade", "undo", "redo", "history",
    # the account's commands (core/studio/account_flow.py): private chats are where they are asked
    "account", "link", "unlink", "dashboard", "email", "export", "delete_account",
    "language", "help",
)
"""What the menu lists, in order; /role is left out as it only means something in a shared chat."""
# setMyCommands takes two-letter codes only, so one Portuguese menu serves both variants:
# the Brazilian one, as most Portuguese-speaking Telegram users are in Brazil.
MENU_LOCALES: dict[str, Locale] = {"pt": "pt_BR", "en": "en", "es": "es"}


def menu(language: Locale) -> list[BotCommand]:
    """The menu in one locale: each description is the catalog's ``command_<name>``."""
    return [BotCommand(name, say(language, f"command_{name}")) for name in MENU]


async def register_commands(api: BotApi) -> None:
    """English for clients in any other language, then one menu per language code we speak."""
    await api.set_commands(menu("en"), None)
    for code, locale in MENU_LOCALES.items():
        await api.set_commands(menu(locale), code)
