"""Brazilian or European Portuguese: detection on a labelled set, and which signal wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.i18n.locales import locale_from_tag
from core.i18n.variants import foreign_forms, portuguese_variant
from core.language import choose_locale, detect_language

DATA = Path(__file__).resolve().parents[1] / "data" / "pt_variants.tsv"


def labelled() -> list[tuple[str, str]]:
    rows = []
    for line in DATA.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            variant, text = line.split("\t")
            rows.append((variant, text))
    return rows


def test_the_labelled_set_is_large_enough_and_varied() -> None:
    rows = labelled()
    assert sum(v == "pt_BR" for v, _ in rows) >= 100 and sum(v == "pt_PT" for v, _ in rows) >= 100
    assert len({text for _, text in rows}) == len(rows)


def test_variant_accuracy_on_the_labelled_set_is_at_least_95_percent() -> None:
    """Full detection, from nothing: language first (no default), then the variant."""
    rows = labelled()
    wrong = [(variant, text, detect_language(text)) for variant, text in rows if detect_language(text) != variant]
    accuracy = 1 - len(wrong) / len(rows)
    print(f"pt variant detection: {accuracy:.1%} of {len(rows)} ({len(wrong)} wrong)")
    assert accuracy >= 0.95, wrong


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        ("estou fazendo um site para a minha loja", "pt_BR"),  # gerund
        ("estou a fazer um site para a minha loja", "pt_PT"),  # "a" + infinitive
        ("o meu celular é este", "pt_BR"),
        ("o meu telemóvel é este", "pt_PT"),
        ("a equipe é pequena", "pt_BR"),
        ("a equipa é pequena", "pt_PT"),
        ("fica ao lado do ponto de ônibus", "pt_BR"),
        ("fica ao lado da paragem do autocarro", "pt_PT"),
        ("a gente abre cedo", "pt_BR"),
        ("Me ajuda com o texto?", "pt_BR"),
        ("Ajuda-me com o texto?", "pt_PT"),
        ("uma padaria em Porto Alegre", "pt_BR"),
        ("uma padaria no Porto", "pt_PT"),
        ("uma padaria", "pt_BR"),  # nothing tells: Brazilian, as most Portuguese speakers are
    ],
)
def test_cues(text: str, variant: str) -> None:
    assert portuguese_variant(text) == variant


def test_a_conversation_keeps_its_variant_unless_the_text_clearly_says_otherwise() -> None:
    assert portuguese_variant("muda a cor para azul", default="pt_PT") == "pt_PT"
    assert portuguese_variant("muda a cor para azul", default="pt_BR") == "pt_BR"
    assert portuguese_variant("muda a cor, você pode deixar azul? a gente gosta", default="pt_PT") == "pt_BR"


@pytest.mark.parametrize(
    ("tag", "locale"),
    [("pt-br", "pt_BR"), ("pt-BR", "pt_BR"), ("pt", "pt_PT"), ("pt-pt", "pt_PT"), ("pt_BR.UTF-8", "pt_BR"),
     ("es-419", "es"), ("en-GB", "en"), ("de", None), (None, None), ("", None)],
)
def test_platform_tags(tag: str | None, locale: str | None) -> None:
    assert locale_from_tag(tag) == locale


def test_which_signal_wins() -> None:
    european_text = "estou a fazer um site para a minha pastelaria"
    # The platform names the variant: it wins over cues in the text.
    assert choose_locale(european_text, current=None, platform="pt_BR") == "pt_BR"
    # No Portuguese variant from the platform: the text decides.
    assert choose_locale(european_text, current=None, platform="en") == "pt_PT"
    assert choose_locale(european_text, current=None, platform=None) == "pt_PT"
    # A choice made with /language is kept, whatever the text and the platform say.
    assert choose_locale("make it green", current="pt_BR", platform="en", chosen=True) == "pt_BR"
    # Otherwise a message in another language switches the conversation's language.
    assert choose_locale("make it green", current="pt_BR", platform=None) == "en"


def test_foreign_forms_are_found_as_whole_words() -> None:
    assert foreign_forms("Fale com a nossa equipa pelo telemóvel", "pt_BR") == ["telemóvel", "equipa"]
    assert foreign_forms("Fale conosco pelo celular", "pt_PT") == ["celular", "conosco"]
    assert foreign_forms("equipamento", "pt_BR") == []
