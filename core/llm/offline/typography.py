"""Size, spacing and font requests: "make the title bigger", "letra maior", "más espacio", "uma fonte elegante".

They become a ``TypeRequest`` (a style edit of ``Theme.typography`` and ``Theme.fonts``), and the
words they used are taken out of the message so "title" is never read as "change the headline
to ...". Words are accent-folded and matched whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from core.llm.offline.vocabulary import SECTION_WORDS
from core.site.presets import fold
from core.site.sections import SectionKind
from core.site.theme import FontPairing

Target = Literal["text", "headings", "heading", "spacing", "fonts"]

_UP = ("bigger", "larger", "big", "large", "increase", "enlarge", "too small", "maior", "maiores", "aumenta",
       "aumentar", "aumente", "mais grande", "mais grandes", "grande", "grandes", "mas grande", "mas grandes",
       "agranda", "agrandar")
_DOWN = ("smaller", "small", "decrease", "reduce", "too big", "too large", "menor", "menores", "diminui",
         "diminuir", "diminua", "reduz", "reduzir", "mais pequeno", "mais pequenos", "mais pequena",
         "mais pequenas", "pequeno", "pequenos", "pequena", "mas pequeno", "mas pequenos", "mas pequena",
         "grandes demais", "grande demais", "demasiado grande", "demasiado grandes", "reduce", "achica")
_TEXT = ("text", "font size", "font", "fonts", "letra", "letras", "texto", "textos", "fonte", "tamanho do texto",
         "tamano del texto", "tamano de letra", "tamanho da letra")
_HEADINGS = ("headings", "titles", "titulos", "titulares", "encabezados")
_HEADING = ("title", "headline", "heading", "main title", "titulo", "titular", "titulo principal")
_MORE_SPACE = ("more space", "more spacing", "more whitespace", "whitespace", "airier", "airy", "spacious",
               "mais espaco", "mais espacamento", "mais arejad", "mas espacio", "mas aire", "espaciado")
_LESS_SPACE = ("compact", "compacta", "compacto", "less space", "less spacing", "tighter", "menos espaco",
               "menos espacamento", "menos espacio", "mais junto", "mas junto")
_FONT_WORDS = ("font", "fonts", "typeface", "typography", "fonte", "fontes", "letra", "tipo de letra",
               "tipografia", "tipografía")
_FONT_STYLES: tuple[tuple[tuple[str, ...], FontPairing], ...] = (
    (("elegant", "elegante", "sofisticad", "sophisticated", "refinad"), "elegant"),
    (("classic", "classica", "classico", "clasica", "clasico", "serif", "traditional", "tradicional"), "classic"),
    (("modern", "moderna", "moderno", "clean", "limpa", "limpia"), "modern"),
    (("friendly", "warm", "humanist", "amigavel", "acolhedora", "calida"), "humanist"),
    (("geometric", "geometrica", "geometrico"), "geometric"),
    (("mono", "monospace", "typewriter", "maquina de escrever", "maquina de escribir"), "mono"),
)


@dataclass(frozen=True)
class TypeRequest:
    target: Target
    step: int = 0  # +1 larger / more space, -1 smaller / more compact
    section: SectionKind | None = None  # "the title of the services section"
    fonts: FontPairing | None = None


def _find(folded: str, words: tuple[str, ...]) -> re.Match[str] | None:
    best: re.Match[str] | None = None
    for word in words:
        match = re.search(rf"(?<![\w]){re.escape(word)}\w*" if word.endswith("d") else rf"(?<![\w]){re.escape(word)}(?![\w])", folded)
        if match and (best is None or match.start() < best.start()):
            best = match
    return best


def take_typography(text: str) -> tuple[TypeRequest | None, str]:
    """The size, spacing or font request in ``text``, and ``text`` without the words that made it."""
    folded = fold(text)
    font_word = _find(folded, _FONT_WORDS)
    if font_word is not None:
        for words, pairing in _FONT_STYLES:
            if _find(folded, words) is not None:
                return TypeRequest("fonts", fonts=pairing), ""
    more, less = _find(folded, _MORE_SPACE), _find(folded, _LESS_SPACE)
    if more is not None or less is not None:
        return TypeRequest("spacing", 1 if less is None else -1), ""
    up, down = _find(folded, _UP), _find(folded, _DOWN)
    if up is None and down is None:
        return None, text
    # "too big, make them smaller": the direction asked is the one nearest the end.
    step = 1 if down is None or (up is not None and up.start() > down.start() and "demais" not in folded
                                 and "too" not in folded and "demasiado" not in folded) else -1
    if up is not None and down is not None and any(w in folded for w in ("too big", "too large", "demais", "demasiado")):
        step = -1
    if _find(folded, _HEADINGS) is not None:
        return TypeRequest("headings", step), ""
    if _find(folded, _HEADING) is not None:
        section = _section_named(folded)
        return TypeRequest("heading", step, section or "hero"), ""
    if _find(folded, _TEXT) is not None:
        return TypeRequest("text", step), ""
    return None, text


def _section_named(folded: str) -> SectionKind | None:
    for kind, words in SECTION_WORDS.items():
        if kind != "hero" and _find(folded, words) is not None:
            return kind
    return None
