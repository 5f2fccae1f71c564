"""Pricing: up to four plans side by side, one optionally highlighted."""

from __future__ import annotations

from core.site.sections import Plan, Pricing
from pipeline.ast import Element, Node, h
from pipeline.context import RenderContext
from pipeline.icons import icon
from pipeline.sections.shell import button, grid, price_tag
from pipeline.sections.shell import section as frame


def _plan(plan: Plan, currency: str, ctx: RenderContext) -> Element:
    period = plan.period and (plan.period if plan.period.startswith("/") else "/" + plan.period)
    return h(
        "li",
        {"class": "card plan featured" if plan.highlighted else "card plan"},
        plan.highlighted and h("p", {"class": "ribbon"}, ctx.words.popular),
        h("h3", None, plan.name),
        h(
            "p",
            {"class": "amount"},
            price_tag(ctx, plan.price, currency, cents=False),
            period and h("span", None, period),
        ),
        plan.description and h("p", None, plan.description),
        plan.features
        and h("ul", {"class": "checks"}, [h("li", None, icon("check"), f) for f in plan.features]),
        plan.action and button(plan.action, "primary" if plan.highlighted else "ghost"),
    )


def build(section: Pricing, ctx: RenderContext) -> Node:
    plans = [_plan(plan, section.currency, ctx) for plan in section.plans]
    return frame(
        ctx, "pricing", section.heading, grid(plans, "plans"), intro=section.intro
    )
