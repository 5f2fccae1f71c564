"""``/app/domains``: every domain of the account's sites, the exact DNS records to set (with copy
buttons), the live status from the domain checks and the certificate's expiry; attach a domain.

Attaching is the chat's ``/domain NAME`` (``Studio.attach_domain``): the same checks, quota, audit
and events, so a domain attached here and one attached in the chat are the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from core.domain_flow import status_event
from core.domains import DomainProgress
from core.errors import PageMagicError
from core.events import DomainStatus, Failed, Reply
from core.i18n.formatting import day_month_year
from core.messages import say
from core.site.values import Language
from core.storage.records import ConversationRecord
from core.storage.tables import SiteRow
from web.insights.owned import not_found, owned_site, owned_sites
from web.pages.guard import Visitor, changing, signed_in
from web.rendering import render


@dataclass(frozen=True)
class DomainView:
    site: SiteRow
    name: str
    status: str
    sentence: str
    records: tuple[tuple[str, str, str], ...]
    certificate_until: str


async def _views(visitor: Visitor, sites: list[SiteRow]) -> list[DomainView]:
    studio = visitor.web.studio
    locale = visitor.locale
    views = []
    for site in sites:
        for domain in await studio.store.domains_of(site.id):
            if studio.domains is None:  # embedded default: served by Host header, no DNS proof
                server = studio.hosting.site_url(site.slug).split("/s/", 1)[0]
                views.append(DomainView(site, domain.name, domain.status,
                                        say(locale, "domain_attached_local", domain=domain.name, server=server), (), ""))
                continue
            progress = await studio.domains.status(site.id, domain.name) or DomainProgress(domain.name, domain.status)
            records = studio.domains.records(site.slug, domain.name, domain.token)
            until = day_month_year(progress.not_after.date(), locale) if progress.not_after else ""
            sentence = status_event(locale, progress).text
            views.append(DomainView(site, domain.name, progress.status, sentence, records, until))
    return views


async def _page(visitor: Visitor, status: int = 200, **extra: Any) -> Response:
    sites = await owned_sites(visitor)
    return render(
        "insights/domains.html", visitor.locale, status=status, csrf=visitor.session.csrf, sites=sites,
        domains=await _views(visitor, sites), section="domains", **extra,
    )


async def domains_page(request: Request) -> Response:
    visitor = await signed_in(request)
    return visitor if not isinstance(visitor, Visitor) else await _page(visitor)


def web_conversation(visitor: Visitor, site_id: int) -> ConversationRecord:
    """The account acting on one of its sites from the web, as a chat conversation would."""
    return ConversationRecord(id=0, user_id=visitor.account.id, plan=visitor.account.plan, language=visitor.locale,
                              site_id=site_id)


def error_text(locale: Language, error: PageMagicError) -> str:
    params = {k: v for k, v in error.params.items() if k != "language"}
    return say(locale, f"error_{error.code}", **params)


async def attach(request: Request) -> Response:
    visitor = await changing(request)
    if not isinstance(visitor, Visitor):
        return visitor
    raw_site = str(visitor.data.get("site") or "")
    site = await owned_site(visitor, int(raw_site)) if raw_site.isdigit() else None
    if site is None:
        return not_found(visitor)
    name = str(visitor.data.get("domain") or "").strip()
    if not name:
        return await _page(visitor, status=400, error=say(visitor.locale, "error_domain_usage"), typed=name)
    notices: list[str] = []
    try:
        async for event in visitor.web.studio.attach_domain(web_conversation(visitor, site.id), name, visitor.locale):
            if isinstance(event, Failed):
                return await _page(visitor, status=400, error=event.text, typed=name)
            if isinstance(event, (DomainStatus, Reply)):
                notices.append(event.text.split("\n", 1)[0])  # the records are on the page, in a table
    except PageMagicError as error:
        return await _page(visitor, status=400, error=error_text(visitor.locale, error), typed=name)
    return await _page(visitor, notice=" ".join(notices))


async def site_domains(request: Request) -> Response:
    """``/app/sites/{id}/domains``: the same page, for one site (its link from the sites list)."""
    visitor = await signed_in(request)
    if not isinstance(visitor, Visitor):
        return visitor
    site = await owned_site(visitor, int(request.path_params["site_id"]))
    if site is None:
        return not_found(visitor)
    return render(
        "insights/domains.html", visitor.locale, csrf=visitor.session.csrf, sites=[site],
        domains=await _views(visitor, [site]), section="domains",
    )
