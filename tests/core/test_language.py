from __future__ import annotations

import pytest

from core.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Uma padaria artesanal em Lisboa, com menu, horário e contacto", "pt_PT"),
        ("a bakery in Lisbon", "en"),
        ("una peluquería en Madrid", "es"),
        ("make it dark green and add a FAQ", "en"),
        ("hazlo más oscuro", "es"),
        ("muda o nome para Pão Quente", "pt_BR"),  # no variant cue: Brazilian
        ("deixa-o verde escuro e adiciona perguntas frequentes", "pt_PT"),
        ("ponlo verde oscuro y añade preguntas frecuentes", "es"),
        ("¿qué tal?", "es"),
    ],
)
def test_detects_short_messages(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_no_signal_returns_the_default() -> None:
    assert detect_language("Pizzeria Bella 2000") == "en"
    assert detect_language("Pizzeria Bella 2000", default="es") == "es"
    assert detect_language("", default="pt_PT") == "pt_PT"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("remove a galeria", "pt_PT"),  # "remove" and "a" are Portuguese too: no switch to English
        ("move o menu para o topo", "pt_PT"),
        ("a galeria", "pt_PT"),
        ("remove the gallery", "en"),
        ("move the menu to the top", "en"),
    ],
)
def test_words_shared_with_portuguese_do_not_switch_a_portuguese_conversation(text: str, language: str) -> None:
    assert detect_language(text, default="pt_PT") == language
