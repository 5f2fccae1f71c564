"""Which of our languages (and, for Portuguese, which variant) a message is written in.

Chat messages are short ("hazlo más oscuro"), so statistical detectors trained
on paragraphs guess badly; a handful of function words and spelling marks that
only one of Portuguese, English and Spanish uses is both faster and more
reliable on a single sentence. Portuguese is then told apart as Brazilian or
European (``core.i18n.variants``).
"""

from __future__ import annotations

import re

from core.i18n.locales import Family, Locale, family, is_portuguese
from core.i18n.variants import portuguese_variant, variant_scores

# Words that (almost) only one of the three languages uses. Words shared by pt
# and es ("para", "que", "de", "por") carry no signal and are left out.
_WORDS: dict[Family, frozenset[str]] = {
    "pt": frozenset(
        [
            # Chat words no English or Spanish message uses.
            "ficou",
            "agora",
            "quando",
            "estiver",
            "fazem",
            "fazer",
            "ótimo",
            "otimo",
            "só",
            "so",
            "tá",
            "ta",
            "avisa",
            "obrigadíssimo",
            "queria",
            "podem",
            "consegue",
            "conseguem",
            "lindo",
            "valeu",
            "oi",
            "olá",
            "tudo",
            "bem",
            "página",
            "uma",
            "um",
            "com",
            "em",
            "e",
            "os",
            "ao",
            "aos",
            "à",
            "às",
            "do",
            "da",
            "dos",
            "das",
            "no",
            "na",
            "nos",
            "nas",
            "não",
            "é",
            "são",
            "está",
            "também",
            "muito",
            "mais",
            "nome",
            "muda",
            "mudar",
            "altera",
            "alterar",
            "deixa",
            "deixe",
            "adiciona",
            "adicionar",
            "acrescenta",
            "tira",
            "tirar",
            "põe",
            "coloca",
            "mete",
            "apaga",
            "horário",
            "contacto",
            "contato",
            "você",
            "vocês",
            "nosso",
            "nossa",
            "pelo",
            "pela",
            "preços",
            "escuro",
            "escura",
            "loja",
            "padaria",
            "cabeleireiro",
            "ginásio",
            "advogados",
            "contabilidade",
            "agência",
            "escola",
            "chamada",
            "chamado",
            "fotógrafo",
            "sobre",
            "secção",
            "seção",
            "perguntas",
            "frequentes",
            "cor",
            "isso",
            "isto",
            "onde",
            "obrigado",
            "obrigada",
            "quero",
            "gostaria",
            "fica",
            "ficar",
            "cá",
            "aqui",
            "então",
            "depois",
            "antes",
            "galeria",
            "remover",
            "retira",
            "retirar",
            "mova",
        ]
    ),
    "es": frozenset(
        [
            "una",
            "un",
            "con",
            "y",
            "el",
            "los",
            "las",
            "del",
            "al",
            "es",
            "en",
            "muy",
            "más",
            "pero",
            "hazlo",
            "ponlo",
            "ponle",
            "añade",
            "añadir",
            "agrega",
            "agregar",
            "quita",
            "quitar",
            "borra",
            "cambia",
            "cámbiale",
            "cambiar",
            "llámalo",
            "llamado",
            "llamada",
            "nombre",
            "oscuro",
            "oscura",
            "precios",
            "tienda",
            "peluquería",
            "gimnasio",
            "abogados",
            "contabilidad",
            "agencia",
            "escuela",
            "cafetería",
            "panadería",
            "sección",
            "preguntas",
            "frecuentes",
            "horario",
            "quiero",
            "gracias",
            "aquí",
            "entonces",
            "después",
            "nuestro",
            "nuestra",
            "su",
            "sus",
            "también",
            "está",
            "esto",
            "eso",
            "dónde",
            "lo",
            "le",
        ]
    ),
    # Not here although English: "a", "remove", "move", "site", "email" are Portuguese (or Spanish) too.
    "en": frozenset(
        [
            "the",
            "an",
            "and",
            "with",
            "make",
            "it",
            "add",
            "in",
            "of",
            "for",
            "to",
            "called",
            "named",
            "my",
            "our",
            "is",
            "are",
            "change",
            "set",
            "please",
            "more",
            "dark",
            "light",
            "put",
            "bakery",
            "shop",
            "website",
            "page",
            "its",
            "this",
            "that",
            "your",
            "can",
            "want",
            "would",
            "like",
            "bigger",
            "smaller",
            "at",
            "after",
            "before",
            "call",
            "rename",
            "about",
            "open",
            "opens",
            "raise",
            "lower",
            "price",
            "prices",
            "gallery",
            "phone",
            "headline",
            "title",
            "name",
            "team",
            "reviews",
            "what",
            "how",
            "why",
        ]
    ),
}
# Spelling that gives a language away even in a single word.
_MARKS: dict[Family, tuple[str, ...]] = {
    "pt": ("ção", "ções", "ã", "õ", "ç", "ê", "lh", "nh"),
    "es": ("ñ", "ción", "ciones"),
    "en": ("th", "w", "k", "sh"),
}
_MARK_WEIGHT: dict[Family, float] = {"pt": 2.0, "es": 2.0, "en": 0.3}
# Opening question and exclamation marks are Spanish only.
_SPANISH_PUNCTUATION = ("¿", "¡")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def language_scores(text: str) -> dict[Family, float]:
    """Score each language; higher means more evidence. Exposed for tests and tie-breaking."""
    lowered = text.lower()
    scores: dict[Family, float] = {"pt": 0.0, "en": 0.0, "es": 0.0}
    for token in _TOKEN.findall(lowered):
        for language, words in _WORDS.items():
            if token in words:
                scores[language] += 1.0
        for language, marks in _MARKS.items():
            scores[language] += _MARK_WEIGHT[language] * sum(1 for mark in marks if mark in token)
    scores["es"] += 2.0 * sum(lowered.count(mark) for mark in _SPANISH_PUNCTUATION)
    return scores


def detect_family(text: str, default: Family | None = None) -> Family:
    """Portuguese, English or Spanish: the language ``text`` is most likely written in.

    When nothing signals a language, or two languages tie, ``default`` (or
    English) wins: a conversation's language is a better guess than a coin.
    """
    fallback: Family = default or "en"
    scores = language_scores(text)
    best = max(scores.values())
    if best < 1.0:
        return fallback
    leaders = [language for language, score in scores.items() if score == best]
    if len(leaders) > 1:
        return fallback if fallback in leaders else leaders[0]
    return leaders[0]


def detect_language(text: str, default: Locale | None = None) -> Locale:
    """The locale ``text`` is written in: its language, and for Portuguese its variant.

    ``default`` (the conversation's locale) wins when the text says nothing; a
    Portuguese message without Brazilian or European cues stays in the
    conversation's variant, or is Brazilian when there is none.
    """
    scores = language_scores(text)
    # Words only Portuguese uses in one variant or the other ("tá", "telemóvel", "você") count too.
    evidence = max(variant_scores(text).values())
    if evidence >= 2.0 and scores["pt"] + evidence > max(scores["en"], scores["es"]):
        language: Family = "pt"
    else:
        language = detect_family(text, family(default) if default else None)
    if language != "pt":
        return language
    return portuguese_variant(text, default if default is not None and is_portuguese(default) else None)


def choose_locale(text: str, *, current: Locale | None, platform: Locale | None, chosen: bool = False) -> Locale:
    """The locale to answer a chat message in.

    A locale the user chose with /language is kept. Otherwise the text says the
    language; for Portuguese, the platform's variant (Telegram ``pt-br`` / ``pt``,
    Slack's user locale) wins over cues in the text, which decide when the
    platform names no variant.
    """
    if chosen and current is not None:
        return current
    detected = detect_language(text, default=current or platform)
    if is_portuguese(detected) and platform is not None and is_portuguese(platform):
        return platform
    return detected
