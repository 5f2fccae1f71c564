"""``/app/billing``: the plan, this period's usage against its limits (the figures of ``/usage``,
from the same ``QuotaPolicy.summary``), the estimate and the spending cap; upgrade through Stripe
Checkout and invoices and payment method through Stripe's customer portal (session links made on
a POST, never on a page view)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from billing.plans import catalog, plan_named
from core.errors import PageMagicError
from core.i18n.formatting import day_month
from core.messages import metric_label, say
from core.studio.formatting import _amount, _money
from web.insights.domains import error_text
from web.pages.guard import Visitor, sensitive, signed_in
from web.rendering import render
from web.security import secured


@dataclass(frozen=True)
class Bar:
    metric: str
    text: str  # "• Requests: 1,200 of 50,000" exactly as /usage says it
    used: int
    limit: int | None
    overage: str


async def _page(visitor: Visitor, status: int = 200, **extra: Any) -> Response:
    locale = visitor.locale
    summary = await visitor.web.studio.quotas.summary(visitor.account.id)
    bars = []
    for m in summary.metrics:
        label, used = metric_label(locale, m.metric), _amount(m.metric, m.used, locale)
        text = (say(locale, "usage_line_unlimited", label=label, used=used) if m.limit is None
                else say(locale, "usage_line", label=label, used=used, limit=_amount(m.metric, m.limit, locale)))
        overage = say(locale, "usage_overage", amount=_money(m.overage_cents, summary.currency, locale)) if m.overage_cents else ""
        bars.append(Bar(m.metric, text.removeprefix("• "), m.used, m.limit, overage))
    overage_total = sum(m.overage_cents for m in summary.metrics)
    plan = plan_named(summary.plan)
    following = catalog().next_plan(summary.plan)
    values: dict[str, Any] = {
        "csrf": visitor.session.csrf, "section": "billing",
        "header": say(locale, "usage_header", start=day_month(summary.period_start.date(), locale),
                      end=day_month((summary.period_end - timedelta(days=1)).date(), locale), plan=summary.plan),
        "plan": plan.title or plan.name, "plan_price": _money(plan.price_cents, summary.currency, locale),
        "bars": bars,
        "estimate": say(locale, "usage_estimate", total=_money(summary.estimate_cents, summary.currency, locale),
                        base=_money(summary.estimate_cents - overage_total, summary.currency, locale),
                        overage=_money(overage_total, summary.currency, locale),
                        reset=day_month(summary.period_end.date(), locale)),
        "cap": say(locale, "usage_cap", cap=_money(summary.cap_cents, summary.currency, locale),
                   left=_money(max(0, summary.cap_cents - overage_total), summary.currency, locale))
        if summary.cap_cents is not None else "",
        "next_plan": following.title or following.name if following is not None else "",
        "next_price": _money(following.price_cents, summary.currency, locale) if following is not None else "",
        "payments": visitor.web.studio.billing is not None and visitor.web.studio.billing.payments,
        "currency": summary.currency.upper(),
    }
    values.update(extra)
    return render("insights/billing.html", locale, status=status, **values)


async def billing_page(request: Request) -> Response:
    visitor = await signed_in(request)
    return visitor if not isinstance(visitor, Visitor) else await _page(visitor)


async def upgrade(request: Request) -> Response:
    """To Stripe Checkout for the next plan; the plan changes when Stripe's webhook confirms payment."""
    visitor = await sensitive(request)
    if not isinstance(visitor, Visitor):
        return visitor
    billing = visitor.web.studio.billing
    try:
        if billing is None:
            return await _page(visitor, status=400, error=say(visitor.locale, "error_billing_not_configured"))
        offer = await billing.upgrade_offer(visitor.account.id, visitor.account.plan)
    except PageMagicError as error:
        return await _page(visitor, status=400, error=error_text(visitor.locale, error))
    if offer is None:
        return await _page(visitor, notice=say(visitor.locale, "upgrade_top", plan=visitor.account.plan))
    return secured(RedirectResponse(offer.url, status_code=303))


MAX_CAP_CENTS = 10_000_000


def parse_money(raw: str) -> int | None:
    """``"20"``, ``"20.50"``, ``"20,50"`` (a decimal comma, as in Brazil and Portugal) -> cents; else None."""
    text = raw.strip().replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    whole, _, part = text.partition(".")
    if not whole.isdigit() or (part and (not part.isdigit() or len(part) > 2)):
        return None
    cents = int(whole) * 100 + int(part.ljust(2, "0") or 0)
    return cents if cents <= MAX_CAP_CENTS else None


async def set_cap(request: Request) -> Response:
    """The account's own spending cap: an amount of overage a month, or empty for none."""
    visitor = await sensitive(request)
    if not isinstance(visitor, Visitor):
        return visitor
    raw = str(visitor.data.get("cap") or "")
    cents = None if not raw.strip() else parse_money(raw)
    if raw.strip() and cents is None:
        return await _page(visitor, status=400, error=say(visitor.locale, "web_ins_cap_invalid"), typed_cap=raw)
    await visitor.web.studio.quotas.set_cap(visitor.account.id, cents)
    return await _page(visitor, notice=say(visitor.locale, "web_ins_cap_saved"))


async def portal(request: Request) -> Response:
    """To Stripe's customer portal (invoices, payment method), which links back to this page."""
    visitor = await sensitive(request)
    if not isinstance(visitor, Visitor):
        return visitor
    billing = visitor.web.studio.billing
    back = visitor.web.config.public_url.rstrip("/") + "/app/billing"
    try:
        if billing is None:
            return await _page(visitor, status=400, error=say(visitor.locale, "error_billing_not_configured"))
        url = await billing.portal_url(visitor.account.id, back)
    except PageMagicError as error:
        return await _page(visitor, status=400, error=error_text(visitor.locale, error))
    return secured(RedirectResponse(url, status_code=303))
