"""Turning intents into edit operations on the current site.

Edits are produced against a working copy of the section list, updated after
every operation, so each index is relative to the site as the previous edits
left it (the order ``core.site.edits.apply_edits`` applies them in).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from core.i18n.formatting import currency_of
from core.i18n.locales import DEFAULT_PORTUGUESE, is_portuguese
from core.i18n.phones import normalise, whatsapp_url
from core.llm.offline.brief import seed_of
from core.llm.offline.compose import Voice, build_section
from core.llm.offline.contacts import socials_from
from core.llm.offline.copy import kind_copy
from core.llm.offline.hours import as_line, translate_days
from core.llm.offline.identity import seo_for
from core.llm.offline.image_intents import ImageOp
from core.llm.offline.items import PricedItem
from core.llm.offline.kinds import PAGE_ORDER
from core.llm.offline.messages import image_place, language_name, note
from core.llm.offline.places import DEFAULT_COUNTRY, iso_country
from core.llm.offline.refine import Intents, SectionOp
from core.llm.offline.specialties import specialty_in
from core.llm.offline.textfit import fit
from core.site.business import Business
from core.site.edits import (
    AddSection,
    Edit,
    MoveImage,
    MoveSection,
    PlaceImage,
    RemoveImage,
    RemoveSection,
    ReplaceImage,
    ReplaceSection,
    SetBusiness,
    SetIdentity,
    SetImageAlt,
    SetSeo,
    SetTheme,
)
from core.site.presets import PRESETS, fold, preset, theme_with_primary
from core.site.schema import parse_section
from core.site.sections import Section, SectionKind
from core.site.site import Site
from core.site.theme import DENSITIES, FontPairing, SectionHeading, Theme
from core.site.values import Language


class Editor:
    """Accumulates edits and summary notes for one refinement of ``site``."""

    def __init__(self, site: Site, user_language: Language) -> None:
        self.site = site
        self.say = user_language
        self.sections: list[Section] = list(site.sections)
        self.edits: list[Edit] = []
        self.notes: list[str] = []

    # -- helpers ---------------------------------------------------------------------------------
    def voice(self, language: Language | None = None) -> Voice:
        currency = next(
            (str(s.currency) for s in self.sections if hasattr(s, "currency")),
            currency_of(self.site.business.country, self.site.language),
        )
        return Voice(
            kind=self.site.business.kind,
            language=language or self.site.language,
            name=self.site.name,
            currency=currency,
            seed=seed_of(self.site.name),
            present=tuple(s.kind for s in self.sections),
            email=self.site.business.email,
            phone=self.site.business.phone,
            urls=tuple(link.url for link in self.site.business.socials),
            neutral=self.neutral(),
            city=self.site.business.city,
            items=tuple(
                PricedItem(str(i["name"]), Decimal(str(i["price"])), "")
                for s in self.sections for i in _priced_items(s.model_dump()) if i.get("price") is not None
            )[:3],
        )

    def neutral(self) -> bool:
        """A site of a specialty without copy (its title names it) keeps neutral copy in every new section."""
        hero = next((str(getattr(s, "heading", "")) for s in self.sections if s.kind == "hero"), "")
        return specialty_in(f"{self.site.seo.title} {hero}") is not None

    def index_of(self, kind: SectionKind) -> int | None:
        return next((i for i, s in enumerate(self.sections) if s.kind == kind), None)

    def replace(self, index: int, data: dict[str, Any]) -> None:
        section = parse_section(data)
        if section != self.sections[index]:
            self.sections[index] = section
            self.edits.append(ReplaceSection(index=index, section=section))

    def add(self, section: Section) -> None:
        kinds = [s.kind for s in self.sections]
        position = len(kinds)
        for i, existing in enumerate(kinds):
            if i == 0 and existing == "hero":
                continue
            if PAGE_ORDER[existing] > PAGE_ORDER[section.kind]:
                position = i
                break
        self.sections.insert(position, section)
        self.edits.append(AddSection(section=section, position=position))

    # -- intents ---------------------------------------------------------------------------------
    def apply(self, intents: Intents) -> None:
        asked: Language | None = None
        if intents.language == "pt":  # plain "Portuguese": a Portuguese site's variant, else the user's, else Brazil's
            asked = next((v for v in (self.site.language, self.say) if is_portuguese(v)), DEFAULT_PORTUGUESE)
        elif intents.language:
            asked = intents.language
        if asked and asked != self.site.language:
            self.switch_language(asked)
        self.theme(intents)
        self.typography(intents)
        self.identity(intents)
        self.business(intents)
        self.links(intents)
        self.prices(intents)
        self.items(intents)
        self.team(intents)
        for op in intents.sections:
            if op.verb == "add" and op.kind in ("menu", "services", "pricing") and intents.items:
                continue  # "a section with our prices: ..." is the items, placed by ``items``
            if op.verb == "add" and op.kind == "team" and intents.team:
                continue
            self.section(op, intents)

    def theme(self, intents: Intents) -> None:
        current = self.site.theme
        mode = intents.mode or current.mode
        theme: Theme = current
        if intents.style:
            base = PRESETS[intents.style]
            theme = (
                theme_with_primary(base, intents.colour, mode)
                if intents.colour
                else preset(intents.style, mode)
            )
        elif intents.colour:
            theme = theme_with_primary(current, intents.colour, mode)
        elif intents.mode and intents.mode != current.mode:
            theme = theme_with_primary(current, current.palette.primary, mode)
        if theme != current:
            self.edits.append(SetTheme(theme=theme))
            self.notes.append(note("theme", self.say))

    def typography(self, intents: Intents) -> None:
        """Size, spacing and font requests: a style edit of the theme, named exactly in the reply."""
        request = intents.type
        if request is None:
            return
        theme = self.current_theme()
        t = theme.typography
        update: dict[str, Any]
        if request.target == "fonts":
            wanted = request.fonts
            if wanted == theme.fonts:  # "a *more* elegant font" on an elegant site: its nearest kin
                wanted = _KIN.get(wanted)
            if wanted is None or wanted == theme.fonts:
                self.notes.append(note("style_limit", self.say, value=str(request.fonts)))
                return
            self.set_theme(theme.model_copy(update={"fonts": wanted}), note("fonts", self.say))
            return
        direction = "larger" if request.step > 0 else "smaller"
        if request.target == "spacing":
            order = list(DENSITIES)
            at = order.index(t.density) + request.step
            if not 0 <= at < len(order):
                self.notes.append(note("style_limit", self.say, value=t.density))
                return
            update = {"density": order[at]}
            key, section = ("spacing_more" if request.step > 0 else "spacing_less"), None
        elif request.target == "heading" and request.section is not None:
            step = t.heading_step(request.section) + request.step
            others = [h for h in t.section_headings if h.section != request.section]
            update = {"section_headings": (*others, SectionHeading(section=request.section, step=_clamp(step)))}
            key, section = f"heading_{direction}", request.section
        else:
            field = "headings" if request.target in ("headings", "heading") else "body"
            update = {field: _clamp(getattr(t, field) + request.step)}
            key, section = (f"headings_{direction}" if field == "headings" else f"text_{direction}"), None
        typography = t.model_copy(update=update)
        if typography == t:
            self.notes.append(note("style_limit", self.say, value=direction))
            return
        self.set_theme(theme.model_copy(update={"typography": typography}), note(key, self.say, section))

    def current_theme(self) -> Theme:
        return next((e.theme for e in reversed(self.edits) if isinstance(e, SetTheme)), self.site.theme)

    def set_theme(self, theme: Theme, said: str) -> None:
        self.edits.append(SetTheme(theme=Theme.model_validate(theme.model_dump())))
        self.notes.append(said)

    def links(self, intents: Intents) -> None:
        """Social profiles and a booking link: the business's links, named in the reply."""
        if not intents.socials and not intents.booking:
            return
        current = [s.model_dump() for s in self._business().socials]
        added: list[str] = []
        for link in socials_from(intents.socials):
            current = [s for s in current if s["network"] != link.network]
            current.insert(0, link.model_dump())
            added.append(_NETWORK_NAMES.get(link.network, link.network))
        if intents.booking:
            current = [s for s in current if s["url"] != intents.booking]
            current.append({"network": "website", "url": intents.booking})
        business = Business.model_validate({**self._business().model_dump(), "socials": current[:8]})
        self.edits.append(SetBusiness(business=business))
        for name in added:
            self.notes.append(note("social", self.say, value=name))
        if intents.booking:
            self.notes.append(note("booking", self.say))
            index = self.index_of("contact")
            if index is not None:
                label = fit(_BOOK[self.site.language], 40)
                data = self.sections[index].model_dump()
                self.replace(index, {**data, "action": {"label": label, "href": intents.booking}})

    def _business(self) -> Business:
        return next((e.business for e in reversed(self.edits) if isinstance(e, SetBusiness)), self.site.business)

    def items(self, intents: Intents) -> None:
        """A list of items with prices goes into the page's priced section (added when there is none):
        an item already there gets the new price, the others are added, exactly as written."""
        if not intents.items:
            return
        priced: tuple[SectionKind, ...] = ("menu", "services", "pricing")
        home: SectionKind | None = next((k for k in priced if self.index_of(k) is not None), None)
        voice = self.voice()
        if home is None:
            home = "menu" if self.site.business.kind in ("restaurant", "cafe", "bakery") else "services"
            fresh = Voice(**{**voice.__dict__, "items": tuple(intents.items), "items_in": home})
            self.add(build_section(home, fresh))
            names = ", ".join(i.name for i in intents.items)
            self.notes.append(note("items", self.say, home, value=fit(names, 120)))
            return
        index = self.index_of(home)
        assert index is not None
        data = self.sections[index].model_dump()
        for item in intents.items:
            found = next((i for i in _priced_items(data) if fold(str(i.get("name", ""))) == fold(item.name)), None)
            if found is not None:
                found["price"] = float(item.price)
            elif home == "menu":
                data["categories"][0]["items"].append({"name": fit(item.name, 80), "price": float(item.price)})
            elif home == "services":
                data["items"].append({"name": fit(item.name, 80), "price": float(item.price)})
            else:
                data["plans"].append({"name": fit(item.name, 80), "price": float(item.price)})
        for key, limit in (("items", 16), ("plans", 4)):
            if key in data:
                data[key] = data[key][-limit:]
        if home == "menu":
            data["categories"][0]["items"] = data["categories"][0]["items"][-20:]
        self.replace(index, data)
        names = ", ".join(f"{i.name}" for i in intents.items)
        self.notes.append(note("items", self.say, home, value=fit(names, 120)))

    def team(self, intents: Intents) -> None:
        """ "our team is ...": exactly these people, with their roles."""
        if not intents.team:
            return
        members = [{"name": fit(name, 80), "role": fit(role, 80)} for name, role in intents.team[:12]]
        index = self.index_of("team")
        if index is None:
            section = build_section("team", self.voice())
            self.add(parse_section({**section.model_dump(), "members": members}))
        else:
            self.replace(index, {**self.sections[index].model_dump(), "members": members})
        self.notes.append(note("team", self.say, value=fit(", ".join(n for n, _ in intents.team), 120)))

    def identity(self, intents: Intents) -> None:
        if intents.name and fit(intents.name, 80) != self.site.name:
            self.rename(fit(intents.name, 80))
        if intents.tagline:
            self.edits.append(SetIdentity(tagline=fit(intents.tagline, 160)))
            self.notes.append(note("tagline", self.say))
        hero = self.index_of("hero")
        for field, key, limit in (("headline", "heading", 120), ("subheading", "subheading", 300)):
            value = getattr(intents, field)
            if value and hero is not None:
                self.replace(hero, {**self.sections[hero].model_dump(), key: fit(value, limit)})
                self.notes.append(note(field, self.say))

    def rename(self, name: str) -> None:
        old = self.site.name
        self.edits.append(SetIdentity(name=name))
        for i, section in enumerate(list(self.sections)):
            dumped = json.dumps(section.model_dump(), ensure_ascii=False)
            if old in dumped:
                self.replace(i, json.loads(dumped.replace(old, name)))
        seo = self.site.seo
        if old in seo.title or old in seo.description:
            update = {
                "title": fit(seo.title.replace(old, name), 70),
                "description": fit(seo.description.replace(old, name), 160),
            }
            self.edits.append(SetSeo(seo=seo.model_copy(update=update)))
        self.notes.append(note("renamed", self.say, value=name))

    def business(self, intents: Intents) -> None:
        update: dict[str, Any] = {}
        if intents.phone:
            country = self.site.business.country or iso_country(DEFAULT_COUNTRY[self.site.language])
            update["phone"] = normalise(intents.phone, country)
            if intents.whatsapp:
                others = [s.model_dump() for s in self.site.business.socials if s.network != "whatsapp"]
                update["socials"] = [{"network": "whatsapp", "url": whatsapp_url(update["phone"])}, *others][:8]
        if intents.email:
            update["email"] = intents.email
        if intents.address:
            update["address"] = fit(intents.address, 200)
        if intents.hours:
            update["opening_hours"] = [
                as_line(intents.hours, self.site.language, self.site.business.country).model_dump()
            ]
        if not update:
            return
        business = Business.model_validate({**self.site.business.model_dump(), **update})
        self.edits.append(SetBusiness(business=business))
        self.notes.append(note("hours" if intents.hours else "business", self.say))
        if self.index_of("contact") is None:
            self.add(build_section("contact", self.voice()))
            self.notes.append(note("added", self.say, "contact"))

    def prices(self, intents: Intents) -> None:
        if not intents.prices and intents.percent is None:
            return
        changed = False
        for i, section in enumerate(list(self.sections)):
            if section.kind not in ("menu", "services", "pricing"):
                continue
            data = section.model_dump()
            for item in _priced_items(data):
                new = _new_price(item, intents)
                if new is not None and new != item.get("price"):
                    item["price"] = new
            before = len(self.edits)
            self.replace(i, data)
            changed = changed or len(self.edits) > before
        for name, _ in intents.prices:
            if not any(_matches(item, name) for s in self.sections for item in _priced_items(s.model_dump())):
                self.notes.append(note("price_missing", self.say, value=fit(name, 60)))
        if changed:
            self.notes.append(note("prices", self.say))

    def section(self, op: SectionOp, intents: Intents) -> None:
        index = self.index_of(op.kind)
        if op.verb == "add" and op.kind == "pricing" and self.fill_prices():
            return
        if op.verb == "add":
            if index is not None:
                self.notes.append(note("exists", self.say, op.kind))
                return
            self.add(build_section(op.kind, self.voice()))
            self.notes.append(note("added", self.say, op.kind))
        elif op.verb == "remove":
            if index is None:
                self.notes.append(note("missing", self.say, op.kind))
                return
            del self.sections[index]
            self.edits.append(RemoveSection(index=index))
            self.notes.append(note("removed", self.say, op.kind))
        elif index is not None:
            self.move(index, op)

    def fill_prices(self) -> bool:
        """ "Add prices" to a site whose services have none: price them rather than add a section."""
        index = self.index_of("services")
        if index is None:
            priced = self.index_of("menu") is not None or self.index_of("pricing") is not None
            if priced:
                self.notes.append(note("priced", self.say))
            return priced
        data = self.sections[index].model_dump()
        defaults = [
            s.price for s in kind_copy(self.site.business.kind, self.site.language).services if s.price
        ]
        missing = [item for item in data["items"] if item.get("price") is None]
        if not missing:
            return False
        for n, item in enumerate(missing):
            item["price"] = self.voice().price(defaults[n % len(defaults)] if defaults else 30.0)
        self.replace(index, data)
        self.notes.append(note("prices", self.say))
        return True

    def move(self, index: int, op: SectionOp) -> None:
        moved = self.sections.pop(index)
        rest = [s.kind for s in self.sections]
        if op.where == "top":
            to = 1 if rest and rest[0] == "hero" and moved.kind != "hero" else 0
        elif op.where == "end":
            to = len(rest) - (1 if rest and rest[-1] == "footer" and moved.kind != "footer" else 0)
        else:
            ref = rest.index(op.reference) if op.reference in rest else None
            if ref is None:
                self.sections.insert(index, moved)
                self.notes.append(note("missing", self.say, op.reference))
                return
            to = ref + 1 if op.where == "after" else ref
        self.sections.insert(to, moved)
        if to != index:
            self.edits.append(MoveSection(index=index, to=to))
            self.notes.append(note("moved", self.say, op.kind))

    # -- images -----------------------------------------------------------------------------------
    def images(self, ops: list[ImageOp], focus: tuple[str, ...]) -> None:
        """Image operations on the site's library; "it" is the newest of ``focus`` (or of the library)."""
        library = [image.hash for image in self.site.images]
        gallery = [e.image for s in self.sections if s.kind == "gallery" for e in s.images if e.image]
        for op in ops:
            image = self._image_for(op, focus, library, gallery)
            if image is None:
                self.notes.append(note("image_missing", self.say))
                continue
            if op.verb == "alt":
                self.edits.append(SetImageAlt(hash=image, alt=fit(op.alt, 160)))
                self.notes.append(note("image_alt", self.say, value=fit(op.alt, 160)))
            elif op.verb == "place":
                self._place_image(image, op)
            elif op.verb == "remove":
                target = op.target if op.which is None and op.target else ("gallery" if op.which else None)
                self.edits.append(RemoveImage(hash=image, target=target))
                self.notes.append(note("image_removed", self.say))
            elif op.verb == "move" and op.to is not None:
                self.edits.append(MoveImage(hash=image, to=max(0, len(gallery) - 1) if op.to < 0 else op.to))
                self.notes.append(note("image_moved", self.say))
            elif op.verb == "replace":
                new = focus[-1] if focus else library[-1]
                if new != image:
                    self.edits.append(ReplaceImage(hash=image, by=new))
                    self.notes.append(note("image_replaced", self.say))

    def _image_for(self, op: ImageOp, focus: tuple[str, ...], library: list[str], gallery: list[str]) -> str | None:
        if op.which is not None:
            index = op.which - 1 if op.which > 0 else len(gallery) - 1
            return gallery[index] if 0 <= index < len(gallery) else None
        if op.verb in ("remove", "replace") and op.target in ("cover", "logo"):
            hero = next((s for s in self.sections if s.kind == "hero"), None)
            return self.site.logo if op.target == "logo" else getattr(hero, "image", None)
        if focus:
            return focus[-1]
        return library[-1] if library else None

    def _place_image(self, image: str, op: ImageOp) -> None:
        if op.target is not None:
            self.edits.append(PlaceImage(hash=image, target=op.target))
            self.notes.append(note("image_placed", self.say, value=image_place(self.say, op.target)))
            return
        wanted = fold(op.name)
        for section in self.sections:
            for target, items in (
                ("team_member", getattr(section, "members", []) if section.kind == "team" else []),
                ("service", getattr(section, "items", []) if section.kind == "services" else []),
                ("menu_item", [i for c in getattr(section, "categories", []) for i in c.items] if section.kind == "menu" else []),
            ):
                for item in items:
                    if fold(item.name) in wanted or wanted in fold(item.name):
                        self.edits.append(PlaceImage(hash=image, target=target, name=item.name))  # type: ignore[arg-type]
                        self.notes.append(note("image_placed_with", self.say, value=item.name))
                        return
        self.notes.append(note("image_missing", self.say))

    def switch_language(self, language: Language) -> None:
        """Rewrite every section in ``language``, keeping name, business details and theme."""
        old = self.site.language
        voice = self.voice(language)
        self.edits.append(
            SetIdentity(language=language, tagline=fit(kind_copy(voice.kind, language).tagline, 160))
        )
        self.edits.append(SetSeo(seo=seo_for(voice.kind, language, self.site.name, self.site.business.city)))
        hours = [
            h.model_copy(update={"days": translate_days(h.days, old, language)})
            for h in self.site.business.opening_hours
        ]
        if hours != self.site.business.opening_hours:
            business = self.site.business.model_copy(update={"opening_hours": hours})
            self.edits.append(SetBusiness(business=Business.model_validate(business.model_dump())))
        for i, section in enumerate(list(self.sections)):
            self.replace(i, _keeping_identity(section.model_dump(), build_section(section.kind, voice).model_dump()))
        self.notes.append(note("language", self.say, value=language_name(self.say, language)))


def _keeping_identity(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """A section rewritten in another language that keeps what is nobody's to translate: people's
    names (each stays distinct), the items and their prices, and photos."""
    kind = old["kind"]
    if kind in ("menu", "services", "pricing"):
        return {**old, "heading": new["heading"], "intro": new.get("intro", old.get("intro", ""))}
    for key, name in (("items", "author"), ("members", "name")):
        if kind in ("testimonials", "team") and key in old:
            people = old[key]
            fresh = new[key][: len(people)]
            if len(fresh) < len(people):
                return {**new, key: people}
            new[key] = [{**item, name: person[name], **({"photo": person["photo"]} if person.get("photo") else {})}
                        for item, person in zip(fresh, people, strict=True)]
    for key in ("image",):
        if old.get(key):
            new[key] = old[key]
    return new


_NETWORK_NAMES = {"instagram": "Instagram", "facebook": "Facebook", "tiktok": "TikTok", "youtube": "YouTube",
                  "linkedin": "LinkedIn", "x": "X", "whatsapp": "WhatsApp", "github": "GitHub", "website": "site"}
# The contact section's button for a booking link, in the site's language (site copy, not a bot message).
_BOOK: dict[Language, str] = {"en": "Book online", "pt_BR": "Agende online", "pt_PT": "Marcar online",
                              "es": "Reserva online"}


_KIN: dict[str | None, FontPairing] = {"elegant": "classic", "classic": "elegant", "modern": "geometric",
                                       "geometric": "modern", "humanist": "modern", "mono": "modern"}


def _clamp(step: int) -> int:
    return max(-2, min(3, step))


def _priced_items(data: dict[str, Any]) -> list[dict[str, Any]]:
    if data["kind"] == "menu":
        return [item for category in data["categories"] for item in category["items"]]
    if data["kind"] == "services":
        return list(data["items"])
    if data["kind"] == "pricing":
        return list(data["plans"])
    return []


def _matches(item: dict[str, Any], name: str) -> bool:
    a, b = fold(str(item.get("name", ""))), fold(name).strip()
    return bool(b) and (b in a or a in b)


def _new_price(item: dict[str, Any], intents: Intents) -> float | None:
    for name, price in intents.prices:
        if _matches(item, name):
            return price
    if intents.percent is not None and item.get("price") is not None:
        return min(1_000_000.0, round(float(item["price"]) * (1 + intents.percent / 100), 2))
    return None
