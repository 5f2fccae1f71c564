"""Where each section goes: anchors, heading levels, tones and the page frame.

Sections are independent builders; the decisions that involve the whole page
(which section owns the <h1>, unique ids, alternating backgrounds, the nav)
are made here once, and both the HTML page and the React export use them.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.site.sections import Footer, Section
from core.site.site import Site
from pipeline.ast import Element, Node, h, text_of, walk
from pipeline.context import RenderContext
from pipeline.picture import picture
from pipeline.sections import BUILDERS
from pipeline.sections import footer as footer_section
from pipeline.words import words as site_words

NAV_LIMIT = 7


@dataclass(frozen=True, slots=True)
class Placed:
    section: Section
    ctx: RenderContext
    node: Node

    @property
    def component(self) -> str:
        """A PascalCase name from the anchor: "menu-2" -> "Menu2", "cta" -> "Cta"."""
        return "".join(part[:1].upper() + part[1:] for part in self.ctx.anchor.split("-"))


@dataclass(frozen=True, slots=True)
class Body:
    """The page body in parts: what the React export turns into components."""

    skip: Element
    header: Element
    sections: tuple[Placed, ...]
    footer: Placed

    def nodes(self) -> tuple[Node, ...]:
        main = h("main", {"id": "main"}, [p.node for p in self.sections])
        return (self.skip, self.header, main, self.footer.node)


def hero_opens(site: Site) -> bool:
    """The hero carries the <h1> only when it opens the page, so headings never go 2 -> 1."""
    content = [s for s in site.sections if s.kind != "footer"]
    return bool(content) and content[0].kind == "hero"


def place(site: Site) -> tuple[tuple[Placed, ...], Placed]:
    """Build every content section in order, and the footer (from the first footer section)."""
    seen: dict[str, int] = {}
    names: set[str] = set()
    placed: list[Placed] = []
    footer: Footer | None = None
    title_given = not hero_opens(site)
    for section in site.sections:
        if isinstance(section, Footer):
            footer = footer or section
            continue
        count = seen[section.kind] = seen.get(section.kind, 0) + 1
        anchor = section.kind if count == 1 else f"{section.kind}-{count}"
        ctx = RenderContext(
            site=site,
            anchor=anchor,
            page_title=not title_given,
            tone="alt" if len(placed) % 2 else "plain",
        )
        title_given = True
        node = _unique_landmark(BUILDERS[section.kind](section, ctx), names)
        placed.append(Placed(section, ctx, node))
    footer_ctx = RenderContext(site=site, anchor="footer")
    footer_node = footer_section.build(footer, footer_ctx)
    return tuple(placed), Placed(footer or Footer(), footer_ctx, footer_node)


LABELS = ("aria-labelledby", "aria-label")


def _unique_landmark(node: Node, names: set[str]) -> Node:
    """Drop the label of a section whose name an earlier section already has.

    A named ``<section>`` is a region landmark, and landmarks must be told apart
    (two "About us" regions are ambiguous to a screen reader); an unnamed one is
    a plain section, still found through its heading.
    """
    if not isinstance(node, Element):
        return node
    name = node.attr("aria-label")
    labelledby = node.attr("aria-labelledby")
    if labelledby:
        name = next(
            (text_of(n) for n in walk(node) if isinstance(n, Element) and n.attr("id") == labelledby), None
        )
    if name is None:
        return node
    key = " ".join(name.casefold().split())
    if key not in names:
        names.add(key)
        return node
    return Element(node.tag, tuple(a for a in node.attrs if a[0] not in LABELS), node.children)


def _nav(site: Site, placed: tuple[Placed, ...]) -> Element | None:
    words = site_words(site.language)
    links: list[Element] = []
    used: set[str] = set()
    for p in placed:
        label = words.nav.get(p.section.kind)
        if label is None:
            continue
        heading = getattr(p.section, "heading", "")
        if label in used and isinstance(heading, str) and heading:
            label = heading if len(heading) <= 28 else heading[:27] + "…"
        used.add(label)
        links.append(h("li", None, h("a", {"href": "#" + p.ctx.anchor}, label)))
    if not links:
        return None
    return h("nav", {"aria-label": words.main_nav}, h("ul", None, links[:NAV_LIMIT]))


def _mark(site: Site) -> Element:
    """The brand mark: the owner's logo (its name is the link beside it, so alt is empty), or a swatch."""
    logo = site.image(site.logo) if site.logo else None
    if logo is not None:
        return picture(logo, "8rem", eager=True, alt="", extra="logo")
    return h("span", {"class": "mark", "aria-hidden": "true"})


def build_body(site: Site) -> Body:
    placed, footer = place(site)
    brand_tag = "div" if hero_opens(site) else "h1"
    header = h(
        "header",
        {"class": "site-header"},
        h(
            "div",
            {"class": "wrap bar"},
            h(
                brand_tag,
                {"class": "brand"},
                _mark(site),
                h("a", {"href": "./"}, site.name),
            ),
            _nav(site, placed),
        ),
    )
    skip = h("a", {"class": "skip", "href": "#main"}, site_words(site.language).skip)
    return Body(skip=skip, header=header, sections=placed, footer=footer)
