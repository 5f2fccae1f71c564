"""Words that name sections, actions, places on the page, modes and languages, in pt / en / es.

Everything is accent-folded and lower case; phrases are matched on word
boundaries of folded text (see ``mentions``).
"""

from __future__ import annotations

import re

from core.site.presets import fold
from core.site.sections import SectionKind
from core.site.values import Language

SECTION_WORDS: dict[SectionKind, tuple[str, ...]] = {
    "hero": ("hero", "banner", "cabecalho", "cabecera", "portada", "destaque principal"),
    "about": (
        "about",
        "about us",
        "sobre nos",
        "quem somos",
        "nossa historia",
        "our story",
        "sobre nosotros",
        "quienes somos",
        "nuestra historia",
        "sobre mim",
        "sobre mi",
        "about me",
    ),
    "features": (
        "features",
        "benefits",
        "highlights",
        "why us",
        "vantagens",
        "caracteristicas",
        "beneficios",
        "diferenciais",
        "porque nos",
        "por que nosotros",
    ),
    "services": (
        "services",
        "servicos",
        "servicios",
        "treatments",
        "tratamentos",
        "tratamientos",
        "practice areas",
        "areas de pratica",
        "especialidades",
        "products",
        "produtos",
        "productos",
    ),
    "menu": ("menu", "menus", "ementa", "cardapio", "carta"),
    "pricing": (
        "pricing",
        "prices",
        "price list",
        "plans",
        "precos",
        "planos",
        "tabela de precos",
        "precios",
        "planes",
        "tarifas",
        "propinas",
        "memberships",
        "mensalidades",
        "cuotas",
    ),
    "gallery": (
        "gallery",
        "galeria",
        "photos",
        "fotos",
        "fotografias",
        "images",
        "imagens",
        "imagenes",
        "pictures",
        "portfolio",
    ),
    "testimonials": (
        "testimonials",
        "reviews",
        "testemunhos",
        "depoimentos",
        "opinioes",
        "avaliacoes",
        "testimonios",
        "opiniones",
        "resenas",
        "what people say",
    ),
    "team": ("team", "equipa", "equipe", "equipo", "staff", "our people", "a equipa", "el equipo"),
    "faq": (
        "faq",
        "faqs",
        "perguntas frequentes",
        "preguntas frecuentes",
        "questions",
        "perguntas",
        "preguntas",
        "q&a",
        "duvidas",
        "dudas",
    ),
    "contact": (
        "contact",
        "contacts",
        "contacto",
        "contato",
        "contactos",
        "contact form",
        "contact details",
        "contact us",
        "contactanos",
        "contacte-nos",
    ),
    "cta": (
        "cta",
        "call to action",
        "call-to-action",
        "chamada para acao",
        "chamada a acao",
        "llamada a la accion",
        "llamada a accion",
    ),
    "stats": (
        "stats",
        "statistics",
        "numbers",
        "figures",
        "numeros",
        "estatisticas",
        "estadisticas",
        "cifras",
    ),
    "footer": ("footer", "rodape", "pie de pagina"),
}

ADD_WORDS = (
    "add",
    "include",
    "insert",
    "create",
    "put",
    "show",
    "need",
    "want",
    "adiciona",
    "adicionar",
    "adicione",
    "acrescenta",
    "acrescentar",
    "inclui",
    "incluir",
    "inclua",
    "poe",
    "coloca",
    "colocar",
    "cria",
    "criar",
    "mete",
    "mostra",
    "quero",
    "anade",
    "anadir",
    "agrega",
    "agregar",
    "incluye",
    "incluir",
    "pon",
    "poner",
    "crea",
    "muestra",
    "quiero",
    "with",
    "com",
    "con",
    "also",
    "tambem",
    "tambien",
)
REMOVE_WORDS = (
    "remove",
    "delete",
    "drop",
    "get rid of",
    "take out",
    "hide",
    "no more",
    "without",
    "tira",
    "tirar",
    "remover",
    "retira",
    "retirar",
    "apaga",
    "apagar",
    "elimina",
    "eliminar",
    "esconde",
    "sem",
    "quita",
    "quitar",
    "borra",
    "borrar",
    "oculta",
    "sin",
)
MOVE_WORDS = (
    "move",
    "moves",
    "mova",
    "mover",
    "muda de sitio",
    "passa",
    "passar",
    "mueve",
    "cambia de sitio",
)

TOP_WORDS = (
    "to the top",
    "at the top",
    "on top",
    "first",
    "to the beginning",
    "no topo",
    "para o topo",
    "ao topo",
    "em primeiro",
    "para cima",
    "no inicio",
    "para o inicio",
    "arriba",
    "al principio",
    "al inicio",
    "primero",
    "en primer lugar",
    "lo primero",
)
END_WORDS = (
    "to the end",
    "to the bottom",
    "at the bottom",
    "at the end",
    "last",
    "no fim",
    "no final",
    "para o fim",
    "para o final",
    "ao fim",
    "para baixo",
    "al final",
    "abajo",
    "ultimo",
    "al fondo",
)
AFTER_WORDS = (
    "after",
    "below",
    "under",
    "depois",
    "a seguir",
    "abaixo",
    "debaixo",
    "despues",
    "tras",
    "debajo",
)
BEFORE_WORDS = ("before", "above", "antes", "acima", "encima")

DARK_WORDS = (
    "dark",
    "darker",
    "dark mode",
    "night",
    "escuro",
    "escura",
    "modo escuro",
    "noturno",
    "oscuro",
    "oscura",
    "modo oscuro",
    "nocturno",
)
LIGHT_WORDS = (
    "light mode",
    "lighter",
    "light",
    "modo claro",
    "claro",
    "clara",
    "bright",
    "luminoso",
    "luminosa",
    "white background",
    "fundo branco",
    "fondo blanco",
)

# Most specific first: "português do Brasil" before plain "português".
LANGUAGE_NAMES: dict[Language, tuple[str, ...]] = {
    "pt_BR": ("brazilian portuguese", "portugues do brasil", "portugues brasileiro", "portugues de brasil"),
    "pt_PT": ("european portuguese", "portugues de portugal", "portugues europeu"),
    "en": ("english", "ingles", "inglesa"),
    "es": ("spanish", "espanhol", "espanol", "castellano", "castelhano"),
}
# Plain "Portuguese": the variant the conversation speaks, else Brazilian.
PORTUGUESE_NAMES: tuple[str, ...] = ("portuguese", "portugues", "portuguesa")


def mentions(folded: str, phrase: str) -> bool:
    """Whether the folded ``phrase`` occurs in folded text as whole words."""
    return re.search(rf"(?<![\w&]){re.escape(phrase)}(?![\w&])", folded) is not None


def first_mention(folded: str, phrases: tuple[str, ...]) -> int | None:
    """Position of the earliest of ``phrases`` in ``folded``, or None."""
    best: int | None = None
    for phrase in phrases:
        match = re.search(rf"(?<![\w&]){re.escape(phrase)}(?![\w&])", folded)
        if match and (best is None or match.start() < best):
            best = match.start()
    return best


def sections_mentioned(text: str) -> list[SectionKind]:
    """Section kinds named in ``text``, in the order they are named."""
    folded = fold(text)
    found: list[tuple[int, SectionKind]] = []
    for kind, words in SECTION_WORDS.items():
        at = first_mention(folded, words)
        if at is not None:
            found.append((at, kind))
    return [kind for _, kind in sorted(found)]
