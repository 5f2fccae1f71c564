from __future__ import annotations

import pytest

from core.commands import Command, parse_command, plain_command
from core.errors import UnknownCommand


def test_commands_with_bot_suffix_and_arguments() -> None:
    assert parse_command("/domain@PageMagicBot padaria.pt") == Command("domain", "padaria.pt")
    assert parse_command("/PUBLISH") == Command("publish", "")
    assert parse_command("a bakery") is None


def test_unknown_command_is_named() -> None:
    with pytest.raises(UnknownCommand) as caught:
        parse_command("/dance now")
    assert caught.value.params["command"] == "/dance"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("undo", "undo"),
        ("Undo!", "undo"),
        ("Deshacer, por favor", "undo"),
        ("please undo that", "undo"),
        ("Volta atrás", "undo"),
        ("desfazer.", "undo"),
        ("REHACER", "redo"),
        ("¿Publicar?", "publish"),
        ("publish it please", "publish"),
        ("Histórico", "history"),
        ("ayuda", "help"),
    ],
)
def test_plain_words_mean_commands(text: str, name: str) -> None:
    assert plain_command(text) == Command(name, "")


@pytest.mark.parametrize(
    "text",
    [
        "undo the colour change and make it blue",
        "Una peluquería en Sevilla con precios y horario",
        "publish prices for the haircuts",
        "a help desk for a software company",
        "make it darker",
        "",
    ],
)
def test_sentences_that_merely_contain_a_command_word_stay_messages(text: str) -> None:
    assert plain_command(text) is None
