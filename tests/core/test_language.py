from __future__ import annotations

import pytest

from core.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Uma padaria artesanal em Lisboa, com menu, horário e contacto", "pt"),
        ("a bakery in Lisbon", "en"),
        ("una peluquería en Madrid", "es"),
        ("make it dark green and add a FAQ", "en"),
        ("hazlo más oscuro", "es"),
        ("muda o nome para Pão Quente", "pt"),
        ("deixa-o verde escuro e adiciona perguntas frequentes", "pt"),
        ("ponlo verde oscuro y añade preguntas frecuentes", "es"),
        ("¿qué tal?", "es"),
    ],
)
def test_detects_short_messages(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_no_signal_returns_the_default() -> None:
    assert detect_language("Pizzeria Bella 2000") == "en"
    assert detect_language("Pizzeria Bella 2000", default="es") == "es"
    assert detect_language("", default="pt") == "pt"
