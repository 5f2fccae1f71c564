"""A complete, valid site covering all fourteen section kinds."""

from __future__ import annotations

from typing import Any


def sample_site_data() -> dict[str, Any]:
    return {
        "name": "Padaria Estrela",
        "language": "pt_PT",
        "tagline": "Pão de fermentação lenta, todos os dias",
        "theme": {
            "palette": {
                "primary": "#1f6f43", "accent": "#c27c0e", "background": "#fffdf8",
                "surface": "#f4efe6", "text": "#1d1b16", "muted": "#5b554b",
            },
            "mode": "light", "fonts": "humanist", "radius": 12,
        },
        "seo": {"title": "Padaria Estrela — Lisboa", "description": "Padaria artesanal em Lisboa.", "keywords": ["padaria"]},
        "business": {
            "kind": "bakery", "address": "Rua da Estrela 10", "city": "Lisboa",
            "opening_hours": [{"days": "Seg–Sáb", "hours": "07:00–19:00"}],
            "phone": "+351 210 000 000", "email": "ola@padaria-estrela.pt",
            "socials": [{"network": "instagram", "url": "https://instagram.com/padariaestrela"}],
        },
        "sections": [
            {"kind": "hero", "heading": "Pão quente desde as sete", "subheading": "Fermentação lenta.",
             "primary_action": {"label": "Ver menu", "href": "#menu"}},
            {"kind": "about", "heading": "Sobre nós", "paragraphs": ["Uma padaria de bairro."]},
            {"kind": "features", "heading": "Porquê nós", "items": [{"title": "Farinha local", "text": "Moída em Portugal.", "icon": "leaf"}]},
            {"kind": "services", "heading": "Encomendas", "items": [{"name": "Bolo de aniversário", "price": 25}]},
            {"kind": "menu", "heading": "Menu", "currency": "EUR",
             "categories": [{"name": "Pães", "items": [{"name": "Pão de centeio", "price": 3.5}]}]},
            {"kind": "pricing", "heading": "Assinatura", "plans": [{"name": "Pão diário", "price": 30, "period": "mês"}]},
            {"kind": "gallery", "heading": "Galeria", "images": [{"alt": "Pães no forno", "caption": "O forno"}]},
            {"kind": "testimonials", "heading": "Clientes", "items": [{"quote": "O melhor pão.", "author": "Ana"}]},
            {"kind": "team", "heading": "Equipa", "members": [{"name": "João", "role": "Padeiro"}]},
            {"kind": "faq", "heading": "Perguntas", "items": [{"question": "Têm sem glúten?", "answer": "Sim."}]},
            {"kind": "contact", "heading": "Contacto"},
            {"kind": "cta", "heading": "Encomende já", "action": {"label": "Ligar", "href": "tel:+351210000000"}},
            {"kind": "stats", "items": [{"value": "20", "label": "anos"}]},
            {"kind": "footer", "text": "© Padaria Estrela", "links": [{"label": "Email", "href": "mailto:ola@padaria-estrela.pt"}]},
        ],
    }
