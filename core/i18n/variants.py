"""Brazilian or European Portuguese: which variant a chat message is written in.

Two things give the variant away in a short message. Words: a Brazilian says
"celular", "equipe", "ônibus", "você", "a gente"; a Portuguese speaker
"telemóvel", "equipa", "autocarro", "connosco" (``pt_variants.toml`` holds the
lists, shared with the tests that keep each catalog free of the other's
forms). And grammar: Brazilians use the gerund ("estou fazendo"), Portugal
"a" with the infinitive ("estou a fazer"); Brazilians put a pronoun first
("me ajuda"), Portugal after the verb ("ajuda-me").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from core.i18n.locales import DEFAULT_PORTUGUESE, Locale

Variant = Literal["pt_BR", "pt_PT"]
_DATA = Path(__file__).resolve().parent / "pt_variants.toml"
_SECTIONS: dict[Variant, str] = {"pt_BR": "brazilian", "pt_PT": "european"}
_ONLY, _LEANING, _PLACE = 2.0, 1.0, 1.0

_AUX = (
    r"estou|está|esta|estamos|estão|estao|estava|estavam|estive|esteve|tô|to|tá|ta|tamo|tava|"
    r"ando|anda|andamos|andam|continuo|continua|continuamos|continuam|fico|fica|ficamos|ficam|ficou"
)
# (pattern, weight): Brazil's gerund progressive, Portugal's "a" + infinitive, clitic placement.
_GRAMMAR: dict[Variant, tuple[tuple[re.Pattern[str], float], ...]] = {
    "pt_BR": (
        (re.compile(rf"\b(?:{_AUX}|vou|vai|vamos|vão)\s+\w+(?:ando|endo|indo|ondo)\b"), 2.0),
        (re.compile(r"(?:^|[.!?;:]\s*)(?:me|te|nos|lhe)\s+(?!e\b)\w+"), 1.0),
        (re.compile(r"(?:^|[.!?]\s*)(?:meu|minha|meus|minhas)\s+\w+"), 1.0),
        # Phone numbers and addresses written the Brazilian way: "(41) 99876-5432", "x@y.com.br".
        (re.compile(r"\(\d{2}\)\s?\d{4,5}-\d{4}"), 2.0),
        (re.compile(r"\.com\.br\b"), 1.0),
    ),
    "pt_PT": (
        (re.compile(rf"\b(?:{_AUX})\s+a\s+\w+(?:ar|er|ir|or|ôr)\b"), 2.0),
        (re.compile(r"\b\w{2,}-(?:me|te|se|nos|lhe|lhes|lo|la|los|las|o|a|os|as|no|na)\b"), 1.0),
        # "o meu", "a minha": Portugal puts the article before a possessive; Brazil mostly drops it.
        (re.compile(r"(?<![\w-])(?:o|a|os|as)\s+(?:meu|minha|meus|minhas|nosso|nossa|nossos|nossas)\b"), 1.0),
        # "912 345 678", "253 123 456"; "x@y.pt".
        (re.compile(r"(?<![\d+])[29]\d{2}\s\d{3}\s\d{3}\b"), 2.0),
        (re.compile(r"@[\w.-]+\.pt\b"), 1.0),
    ),
}


@dataclass(frozen=True)
class Forms:
    """One variant's marked forms: ``only`` are foreign to the other variant, ``leaning`` merely typical."""

    only: tuple[str, ...]
    leaning: tuple[str, ...]
    places: tuple[str, ...]


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    with _DATA.open("rb") as handle:
        return tomllib.load(handle)


def forms(variant: Variant) -> Forms:
    data = _data()
    section = _SECTIONS[variant]
    return Forms(tuple(data[section]["only"]), tuple(data[section]["leaning"]), tuple(data[f"{section}_places"]["names"]))


def _pattern(form: str, others: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Whole words or phrases; a form without letters ("€", "r$") is matched as it is.

    ``others`` are the other variant's forms: where one contains this form ("toda a gente" holds
    "a gente", "porto alegre" holds "porto"), that longer form is not this one.
    """
    escaped = re.escape(form)
    if not any(ch.isalpha() for ch in form):
        return re.compile(escaped)
    left = r"(?<![\w-])" if form[0].isalnum() else ""
    right = r"(?![\w-])" if form[-1].isalnum() else ""
    heads = [other[: -len(form)] for other in others if other.endswith(" " + form)]
    tails = [other[len(form) :] for other in others if other.startswith(form + " ")]
    behind = "".join(f"(?<!{re.escape(head)})" for head in heads)
    ahead = f"(?!{'|'.join(re.escape(tail) for tail in tails)})" if tails else ""
    return re.compile(behind + left + escaped + right + ahead)


@cache
def _compiled(variant: Variant) -> tuple[tuple[re.Pattern[str], float, str], ...]:
    marked = forms(variant)
    other = forms("pt_PT" if variant == "pt_BR" else "pt_BR")
    words = other.only + other.leaning
    return tuple(
        [(_pattern(form, words), _ONLY, form) for form in marked.only]
        + [(_pattern(form, words), _LEANING, form) for form in marked.leaning]
        + [(_pattern(name, other.places), _PLACE, name) for name in marked.places]
    )


def foreign_forms(text: str, variant: Variant) -> list[str]:
    """The forms in ``text`` that only the *other* variant uses: what a ``variant`` reader finds foreign."""
    other: Variant = "pt_PT" if variant == "pt_BR" else "pt_BR"
    lowered = text.lower()
    return [form for pattern, weight, form in _compiled(other) if weight == _ONLY and pattern.search(lowered)]


def variant_scores(text: str) -> dict[Variant, float]:
    """Evidence for each variant in ``text``; higher means more."""
    lowered = text.lower()
    scores: dict[Variant, float] = {"pt_BR": 0.0, "pt_PT": 0.0}
    for variant in scores:
        for pattern, weight, _form in _compiled(variant):
            if pattern.search(lowered):
                scores[variant] += weight
        for pattern, weight in _GRAMMAR[variant]:
            scores[variant] += weight * len(pattern.findall(lowered))
    return scores


def portuguese_variant(text: str, default: Locale | None = None) -> Variant:
    """The variant ``text`` is written in; without evidence (or on a tie), ``default``, else Brazilian.

    A conversation already in one variant needs a clear lead to switch: one
    European word in a Brazilian chat ("equipa" in a quoted name) is not enough.
    """
    scores = variant_scores(text)
    current: Variant | None = "pt_BR" if default == "pt_BR" else "pt_PT" if default == "pt_PT" else None
    brazil, portugal = scores["pt_BR"], scores["pt_PT"]
    needed = 2.0 if current is not None else 0.5
    if brazil - portugal >= needed:
        return "pt_BR"
    if portugal - brazil >= needed:
        return "pt_PT"
    return current or ("pt_PT" if DEFAULT_PORTUGUESE == "pt_PT" else "pt_BR")
