"""Footer: name, a line of text, links and social profiles, in the page's <footer>."""

from __future__ import annotations

from core.site.business import SocialNetwork
from core.site.sections import Footer
from pipeline.ast import Node, h
from pipeline.context import RenderContext

NETWORK_NAMES: dict[SocialNetwork, str] = {
    "instagram": "Instagram",
    "facebook": "Facebook",
    "x": "X",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "github": "GitHub",
    "whatsapp": "WhatsApp",
    "website": "Web",
}


def build(section: Footer | None, ctx: RenderContext) -> Node:
    """The page footer; without a footer section it still names the site."""
    site, words = ctx.site, ctx.words
    links = section.links if section else []
    socials = site.business.socials
    return h(
        "footer",
        {"class": "site-footer"},
        h(
            "div",
            {"class": "wrap foot"},
            h(
                "div",
                None,
                h("p", {"class": "foot-name"}, site.name),
                section and section.text and h("p", None, section.text),
            ),
            links
            and h(
                "nav",
                {"aria-label": words.footer_nav},
                h("ul", None, [h("li", None, h("a", {"href": link.href}, link.label)) for link in links]),
            ),
            socials
            and h(
                "nav",
                {"aria-label": words.social_nav},
                h(
                    "ul",
                    None,
                    [
                        h("li", None, h("a", {"href": s.url, "rel": "me"}, NETWORK_NAMES[s.network]))
                        for s in socials
                    ],
                ),
            ),
            # the fine print names the site once; a footer text that already does suffices
            not (section and "©" in section.text) and h("p", {"class": "fine"}, "© " + site.name),
        ),
    )
