"""One builder per section kind; the registry is how the page finds them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.site.sections import SectionKind
from pipeline.ast import Node
from pipeline.context import RenderContext
from pipeline.sections import (
    about,
    contact,
    cta,
    faq,
    features,
    footer,
    gallery,
    hero,
    menu,
    pricing,
    services,
    stats,
    team,
    testimonials,
)

# Each builder takes its own section model; the page dispatches on ``kind``,
# which pydantic's discriminated union guarantees matches the model.
Builder = Callable[[Any, RenderContext], Node]

BUILDERS: dict[SectionKind, Builder] = {
    "hero": hero.build,
    "about": about.build,
    "features": features.build,
    "services": services.build,
    "menu": menu.build,
    "pricing": pricing.build,
    "gallery": gallery.build,
    "testimonials": testimonials.build,
    "team": team.build,
    "faq": faq.build,
    "contact": contact.build,
    "cta": cta.build,
    "stats": stats.build,
    "footer": footer.build,
}

__all__ = ["BUILDERS", "Builder"]
