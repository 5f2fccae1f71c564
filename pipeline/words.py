"""The few words the renderer adds itself, in each site language.

Everything else on a page comes from the spec; these are labels for
landmarks, navigation and contact details that a person never typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.site.sections import SectionKind
from core.site.values import Language


@dataclass(frozen=True, slots=True)
class Words:
    skip: str
    main_nav: str
    footer_nav: str
    social_nav: str
    address: str
    phone: str
    email: str
    hours: str
    directions: str
    popular: str
    stats: str
    nav: dict[SectionKind, str]


WORDS: dict[Language, Words] = {
    "pt": Words(
        skip="Saltar para o conteúdo",
        main_nav="Principal",
        footer_nav="Ligações",
        social_nav="Redes sociais",
        address="Morada",
        phone="Telefone",
        email="Email",
        hours="Horário",
        directions="Ver no mapa",
        popular="Mais escolhido",
        stats="Em números",
        nav={
            "about": "Sobre",
            "features": "Destaques",
            "services": "Serviços",
            "menu": "Menu",
            "pricing": "Preços",
            "gallery": "Galeria",
            "testimonials": "Opiniões",
            "team": "Equipa",
            "faq": "Perguntas",
            "contact": "Contacto",
        },
    ),
    "en": Words(
        skip="Skip to content",
        main_nav="Main",
        footer_nav="Links",
        social_nav="Social media",
        address="Address",
        phone="Phone",
        email="Email",
        hours="Opening hours",
        directions="View on map",
        popular="Most popular",
        stats="In numbers",
        nav={
            "about": "About",
            "features": "Features",
            "services": "Services",
            "menu": "Menu",
            "pricing": "Pricing",
            "gallery": "Gallery",
            "testimonials": "Reviews",
            "team": "Team",
            "faq": "FAQ",
            "contact": "Contact",
        },
    ),
    "es": Words(
        skip="Saltar al contenido",
        main_nav="Principal",
        footer_nav="Enlaces",
        social_nav="Redes sociales",
        address="Dirección",
        phone="Teléfono",
        email="Correo",
        hours="Horario",
        directions="Ver en el mapa",
        popular="Más elegido",
        stats="En cifras",
        nav={
            "about": "Nosotros",
            "features": "Ventajas",
            "services": "Servicios",
            "menu": "Carta",
            "pricing": "Precios",
            "gallery": "Galería",
            "testimonials": "Opiniones",
            "team": "Equipo",
            "faq": "Preguntas",
            "contact": "Contacto",
        },
    ),
}
