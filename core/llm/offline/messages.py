"""What the offline generator says back: summaries and the "I can't do that" answer, per language."""

from __future__ import annotations

from core.site.sections import SectionKind
from core.site.values import Language

SECTION_NAMES: dict[Language, dict[SectionKind, str]] = {
    "pt": {
        "hero": "o destaque inicial",
        "about": "a secção sobre nós",
        "features": "os destaques",
        "services": "os serviços",
        "menu": "o menu",
        "pricing": "os preços",
        "gallery": "a galeria",
        "testimonials": "os testemunhos",
        "team": "a equipa",
        "faq": "as perguntas frequentes",
        "contact": "o contacto",
        "cta": "a chamada para ação",
        "stats": "os números",
        "footer": "o rodapé",
    },
    "en": {
        "hero": "the hero",
        "about": "the about section",
        "features": "the features",
        "services": "the services",
        "menu": "the menu",
        "pricing": "the pricing",
        "gallery": "the gallery",
        "testimonials": "the testimonials",
        "team": "the team",
        "faq": "a FAQ",
        "contact": "the contact section",
        "cta": "a call to action",
        "stats": "the numbers",
        "footer": "the footer",
    },
    "es": {
        "hero": "la portada",
        "about": "la sección sobre nosotros",
        "features": "los destacados",
        "services": "los servicios",
        "menu": "la carta",
        "pricing": "los precios",
        "gallery": "la galería",
        "testimonials": "los testimonios",
        "team": "el equipo",
        "faq": "las preguntas frecuentes",
        "contact": "el contacto",
        "cta": "una llamada a la acción",
        "stats": "las cifras",
        "footer": "el pie de página",
    },
}

NOTES: dict[str, dict[Language, str]] = {
    "theme": {
        "pt": "atualizei as cores e o estilo",
        "en": "updated the colours and style",
        "es": "actualicé los colores y el estilo",
    },
    "added": {"pt": "adicionei {section}", "en": "added {section}", "es": "añadí {section}"},
    "exists": {
        "pt": "o site já tem {section}",
        "en": "the site already has {section}",
        "es": "el sitio ya tiene {section}",
    },
    "priced": {
        "pt": "os preços já estão no site",
        "en": "the prices are already on the page",
        "es": "los precios ya están en el sitio",
    },
    "removed": {"pt": "removi {section}", "en": "removed {section}", "es": "quité {section}"},
    "missing": {
        "pt": "não encontrei {section}",
        "en": "couldn't find {section}",
        "es": "no encontré {section}",
    },
    "moved": {"pt": "mudei {section} de sítio", "en": "moved {section}", "es": "moví {section}"},
    "renamed": {
        "pt": "o site chama-se agora «{value}»",
        "en": "renamed the site to “{value}”",
        "es": "el sitio ahora se llama «{value}»",
    },
    "tagline": {"pt": "mudei o slogan", "en": "changed the tagline", "es": "cambié el eslogan"},
    "headline": {"pt": "mudei o título principal", "en": "changed the headline", "es": "cambié el titular"},
    "subheading": {"pt": "mudei o subtítulo", "en": "changed the subheading", "es": "cambié el subtítulo"},
    "business": {
        "pt": "atualizei os contactos",
        "en": "updated the contact details",
        "es": "actualicé los datos de contacto",
    },
    "hours": {"pt": "atualizei o horário", "en": "updated the opening hours", "es": "actualicé el horario"},
    "prices": {"pt": "atualizei os preços", "en": "updated the prices", "es": "actualicé los precios"},
    "price_missing": {
        "pt": "não encontrei «{value}»",
        "en": "couldn't find “{value}”",
        "es": "no encontré «{value}»",
    },
    "language": {
        "pt": "reescrevi o site em {value}",
        "en": "rewrote the site in {value}",
        "es": "reescribí el sitio en {value}",
    },
}
# A language's name, said in each language: "reescribí el sitio en inglés".
LANGUAGE_DISPLAY: dict[Language, dict[Language, str]] = {
    "pt": {"pt": "português", "en": "inglês", "es": "espanhol"},
    "en": {"pt": "Portuguese", "en": "English", "es": "Spanish"},
    "es": {"pt": "portugués", "en": "inglés", "es": "español"},
}
_DONE: dict[Language, str] = {"pt": "Feito: {notes}.", "en": "Done: {notes}.", "es": "Hecho: {notes}."}
_AND: dict[Language, str] = {"pt": " e ", "en": " and ", "es": " y "}

_CANNOT: dict[Language, str] = {
    "pt": (
        "Desculpe, não percebi o que quer mudar. Posso mudar cores e estilo, adicionar, remover ou mover "
        "secções, mudar o nome, o título, os contactos, o horário, os preços ou a língua do site. Por exemplo:\n"
        "• «deixa-o verde escuro e adiciona perguntas frequentes»\n"
        "• «remove a galeria»\n"
        "• «muda o nome para Pão Quente»\n"
        "• «abre de segunda a sábado das 8h às 20h»"
    ),
    "en": (
        "Sorry, I didn't catch what you'd like to change. I can change colours and style, add, remove or move "
        "sections, and update the name, headline, contact details, opening hours, prices or language. "
        "For example:\n"
        "• “make it dark green and add a FAQ”\n"
        "• “remove the gallery”\n"
        "• “call it Golden Crust”\n"
        "• “open Mon–Sat 8–20”"
    ),
    "es": (
        "Perdona, no he entendido qué quieres cambiar. Puedo cambiar colores y estilo, añadir, quitar o mover "
        "secciones, y cambiar el nombre, el titular, el contacto, el horario, los precios o el idioma. "
        "Por ejemplo:\n"
        "• «ponlo verde oscuro y añade preguntas frecuentes»\n"
        "• «quita la galería»\n"
        "• «cámbiale el nombre a Pan Caliente»\n"
        "• «abre de lunes a sábado de 8 a 20»"
    ),
}


def note(key: str, language: Language, section: SectionKind | None = None, value: str = "") -> str:
    template = NOTES[key][language]
    name = SECTION_NAMES[language][section] if section else ""
    return template.format(section=name, value=value)


_UNCHANGED: dict[Language, str] = {
    "pt": "Nada a mudar: o site já está assim.",
    "en": "Nothing to change: the site already looks like that.",
    "es": "Nada que cambiar: el sitio ya está así.",
}


def summary(notes: list[str], language: Language) -> str:
    if not notes:  # understood, but nothing needed doing ("make it lighter" on a light site)
        return _UNCHANGED[language]
    joined = notes[0] if len(notes) == 1 else ", ".join(notes[:-1]) + _AND[language] + notes[-1]
    text = _DONE[language].format(notes=joined)
    return text[0].upper() + text[1:]


def cannot_help(language: Language) -> str:
    return _CANNOT[language]
