"""Team: people cards with an initials avatar (no photos to fetch)."""

from __future__ import annotations

from core.site.sections import Team, TeamMember
from pipeline.ast import Element, Node, h
from pipeline.context import RenderContext
from pipeline.favicon import initials
from pipeline.picture import picture
from pipeline.sections.shell import grid
from pipeline.sections.shell import section as frame


def _face(member: TeamMember, ctx: RenderContext) -> Element:
    photo = ctx.asset(member.photo)
    if photo is not None:
        return picture(photo, "4.5rem", extra="face")
    return h("span", {"class": "avatar", "aria-hidden": "true"}, initials(member.name))


def build(section: Team, ctx: RenderContext) -> Node:
    people = [
        h(
            "li",
            {"class": "card member"},
            _face(member, ctx),
            h("h3", None, member.name),
            member.role and h("p", {"class": "role"}, member.role),
            member.bio and h("p", None, member.bio),
        )
        for member in section.members
    ]
    return frame(ctx, "team", section.heading, grid(people), intro=section.intro)
