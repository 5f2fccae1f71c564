from __future__ import annotations

from core.llm.offline.textfit import slug
from core.slugs import slugify


def test_slugify_strips_accents_and_symbols() -> None:
    assert slugify("Padaria São João!") == "padaria-sao-joao"
    assert slugify("🍞🍞") == "site"


def test_email_slug_is_the_same_slug_without_hyphens() -> None:
    assert slug("Padaria Artesanal de Lisboa") == "padariaartesanaldelisboa"
    assert slug("x" * 50) == "x" * 30
