"""Chat commands: one parser shared by every adapter, so /publish means the same everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import UnknownCommand

COMMANDS: tuple[str, ...] = (
    "start", "help", "new", "undo", "redo", "history", "publish", "unpublish", "domain", "usage", "upgrade",
)


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
    if name not in COMMANDS:
        raise UnknownCommand(text[:40], command="/" + head[:30])
    return Command(name, rest.strip())
