"""The command menu Telegram shows, in the default language and in pt, en and es."""

from __future__ import annotations

from bots.telegram.port import BotApi, BotCommand
from core.messages import say
from core.site.values import Language

MENU: tuple[str, ...] = (
    "start", "new", "publish", "unpublish", "domain", "usage", "upgrade", "undo", "redo", "history", "help",
)
LANGUAGES: tuple[Language, ...] = ("pt", "en", "es")


def menu(language: Language) -> list[BotCommand]:
    return [BotCommand(name, say(language, f"command_{name}")) for name in MENU]


async def register_commands(api: BotApi) -> None:
    await api.set_commands(menu("en"), None)
    for language in LANGUAGES:
        await api.set_commands(menu(language), language)
