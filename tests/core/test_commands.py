from __future__ import annotations

import pytest

from core.commands import Command, parse_command
from core.errors import UnknownCommand


def test_commands_with_bot_suffix_and_arguments() -> None:
    assert parse_command("/domain@PageMagicBot padaria.pt") == Command("domain", "padaria.pt")
    assert parse_command("/PUBLISH") == Command("publish", "")
    assert parse_command("a bakery") is None


def test_unknown_command_is_named() -> None:
    with pytest.raises(UnknownCommand) as caught:
        parse_command("/dance now")
    assert caught.value.params["command"] == "/dance"
