"""The offline generator's Portuguese copy: each variant written in its own words.

No Brazilian string uses a form only Portugal uses ("equipa", "telemóvel",
"contacto", "está a fazer"), and the reverse; the word lists are the ones the
variant detector uses (core/i18n/pt_variants.toml).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from core.i18n.locales import html_lang
from core.i18n.variants import foreign_forms, variant_scores
from core.llm.offline.copy import generic, generic_pt_br, pt, pt_br
from core.llm.offline.copy.model import KindCopy, LanguageCopy
from tests.core.llm.running import create


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from strings(item)


def copy_of(kinds: dict[str, KindCopy], common: LanguageCopy) -> list[str]:
    return [text for copy in (*kinds.values(), common) for text in strings(copy)]


@pytest.mark.parametrize(
    ("variant", "texts"),
    [("pt_BR", copy_of(pt_br.KINDS, generic_pt_br.PT_BR)), ("pt_PT", copy_of(pt.KINDS, generic.PT))],  # type: ignore[arg-type]
)
def test_no_copy_uses_the_other_variants_forms(variant: str, texts: list[str]) -> None:
    foreign = {text: found for text in texts if (found := foreign_forms(text, variant))}  # type: ignore[arg-type]
    assert foreign == {}


def test_the_brazilian_copy_is_written_anew_not_converted() -> None:
    brazil = set(copy_of(pt_br.KINDS, generic_pt_br.PT_BR))  # type: ignore[arg-type]
    portugal = set(copy_of(pt.KINDS, generic.PT))  # type: ignore[arg-type]
    long_ones = {text for text in brazil if len(text) > 40}
    assert len(long_ones & portugal) / len(long_ones) < 0.05  # sentences are the Brazilian writer's own
    gerund = re.compile(r"\b(?:est\w+|fica\w*)\s+a\s+\w+(?:ar|er|ir)\b")
    assert not [text for text in brazil if gerund.search(text)]


async def test_a_brazilian_description_gives_a_brazilian_site() -> None:
    site = await create("Quero um site pra minha padaria em Curitiba, com cardápio e o WhatsApp (41) 99876-5432")
    assert site.language == "pt_BR" and html_lang(site.language) == "pt-BR"
    assert site.business.country == "BR" and site.business.phone == "+5541998765432"
    assert any(link.url == "https://wa.me/5541998765432" for link in site.business.socials)
    text = site.model_dump_json()
    assert foreign_forms(text, "pt_BR") == [] and variant_scores(text)["pt_BR"] > variant_scores(text)["pt_PT"]
    menu = next(s for s in site.sections if s.kind == "menu")
    assert menu.currency == "BRL"  # type: ignore[attr-defined]


async def test_a_european_description_gives_a_european_site() -> None:
    site = await create("Uma pastelaria em Braga com ementa, telemóvel 253 123 456")
    assert site.language == "pt_PT" and site.business.country == "PT" and site.business.phone == "+351253123456"
    assert foreign_forms(site.model_dump_json(), "pt_PT") == []
