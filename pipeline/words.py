"""The few words the renderer adds itself, in the site's locale, from the message catalog.

Everything else on a page comes from the spec; these are labels for
landmarks, navigation and contact details that a person never typed
(context ``site`` and ``site_nav`` in the catalog: a Brazilian page says
"Cardápio" and "Equipe", a Portuguese one "Menu" and "Equipa").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from core.i18n.catalog import say_in
from core.i18n.locales import Locale
from core.site.sections import SectionKind

_NAV: tuple[SectionKind, ...] = (
    "about", "features", "services", "menu", "pricing", "gallery", "testimonials", "team", "faq", "contact",
)


@dataclass(frozen=True, slots=True)
class Words:
    skip: str
    main_nav: str
    footer_nav: str
    social_nav: str
    address: str
    phone: str
    whatsapp: str
    email: str
    hours: str
    directions: str
    popular: str
    stats: str
    nav: dict[SectionKind, str]


@cache
def words(locale: Locale) -> Words:
    """The renderer's own words in ``locale``."""
    fields = [name for name in Words.__slots__ if name != "nav"]
    return Words(
        **{name: say_in(locale, "site", name) for name in fields},
        nav={kind: say_in(locale, "site_nav", kind) for kind in _NAV},
    )
