"""Chat commands: one parser shared by every adapter, so /publish means the same everywhere."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from core.errors import UnknownCommand

COMMANDS: tuple[str, ...] = (
    "start", "help", "new", "undo", "redo", "history", "publish", "unpublish", "domain", "usage", "upgrade",
    "language", "stats",
    # accounts (core/studio/account_flow.py)
    "account", "link", "unlink", "dashboard", "email", "export", "delete_account", "role",
)
ALIASES: dict[str, str] = {"start": "help"}
"""Commands that mean another: Telegram sends /start first, and it is answered like /help."""
DOMAIN_ACTIONS: tuple[str, ...] = ("check", "remove", "confirm")
"""``/domain check [NAME]`` and ``/domain remove NAME`` (``/domain confirm NONCE``: the button a change
waits for when two-factor is on); any other first word is a name to attach."""
LEAVE: dict[str, tuple[str, ...]] = {"console": ("quit", "exit", "q")}
"""Per platform, the commands its front door handles itself to end the chat (the first is the one
shown in /help); only the terminal has them."""
# Other spellings people type (Slack subcommands have dashes; Telegram commands cannot).
SPELLINGS = {"delete-account": "delete_account", "deleteaccount": "delete_account", "login": "dashboard"}


@dataclass(frozen=True)
class Command:
    name: str
    argument: str


def parse_command(text: str) -> Command | None:
    """``/domain@PageMagicBot example.com`` -> Command("domain", "example.com"); plain text -> None."""
    if not text.startswith("/"):
        return None
    head, _, rest = text[1:].partition(" ")
    name = head.split("@", 1)[0].lower()
    name = SPELLINGS.get(name, name)
    if name not in COMMANDS:
        raise UnknownCommand(text[:40], command="/" + head[:30])
    return Command(name, rest.strip())


# Whole messages that mean a command, in the words people type without a slash ("undo",
# "deshacer", "publicar"). Only an exact match counts (after case, accents, punctuation and a
# "please" are set aside): a description that merely contains the word is still a description.
_PLAIN: dict[str, tuple[str, ...]] = {
    "undo": (
        "undo", "undo that", "undo it", "undo the last change", "go back", "revert", "revert that",
        "desfazer", "desfaz", "desfaz isso", "anular", "voltar atras", "volta atras",
        "deshacer", "deshaz", "deshaz eso", "volver atras", "vuelve atras", "revertir",
    ),
    "redo": ("redo", "redo that", "refazer", "refaz", "rehacer", "rehaz"),
    "publish": (
        "publish", "publish it", "publish the site", "go live", "publicar", "publica", "publica-o",
        "publicar o site", "publicalo", "publicar el sitio",
    ),
    "history": ("history", "historico", "historial", "versions", "versoes", "versiones"),
    "usage": ("usage", "my usage", "consumo", "uso", "o meu consumo", "mi consumo"),
    "stats": ("stats", "statistics", "visitors", "estatisticas", "visitas", "estadisticas"),
    "help": ("help", "ajuda", "ayuda"),
    "language": ("language", "idioma", "lingua", "change language", "mudar idioma", "cambiar idioma"),
}
_POLITE = ("please", "por favor", "pls", "se faz favor", "porfa")
_WORDS = {phrase: name for name, phrases in _PLAIN.items() for phrase in phrases}


def _plain_form(text: str) -> str:
    """Lowercase, without accents, punctuation at the ends, extra spaces or a "please"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = " ".join(bare.strip(" \t\n.!?¡¿,;:…").split())
    for polite in _POLITE:
        if bare.startswith(polite + " "):
            bare = bare[len(polite) + 1:].lstrip(" ,")
        if bare.endswith(" " + polite):
            bare = bare[: -len(polite) - 1].rstrip(" ,")
    return bare


def plain_command(text: str) -> Command | None:
    """``"Deshacer, por favor"`` -> Command("undo", ""); anything longer or different -> None."""
    if len(text) > 40:
        return None
    name = _WORDS.get(_plain_form(text))
    return Command(name, "") if name is not None else None
