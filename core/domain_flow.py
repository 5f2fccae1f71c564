"""What ``/domain`` says and follows once custom domains run over DNS proof and ACME.

Studio decides who may attach what (quotas, another site's name); this module
turns the ``DomainPort``'s progress into ``DomainStatus`` events in the user's
language: the records to set, exactly which record is missing or wrong, and
each status a certificate order moves through, followed for a while and then
left to the background.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

from core.domains import DnsProblem, DomainPort, DomainProgress
from core.events import DomainStatus, Event
from core.messages import certificate_reason as certificate_words
from core.messages import say
from core.site.values import Language

FOLLOWED = ("verified", "issuing")  # statuses a check keeps following until they move on


def records_text(language: Language, records: tuple[tuple[str, str, str], ...]) -> str:
    lines = [say(language, "domain_records_intro")]
    lines += [f"  {kind}  {name}  →  {value}" for kind, name, value in records]
    return "\n".join(lines)


def problem_text(language: Language, problem: DnsProblem) -> str:
    return say(
        language,
        f"domain_problem_{problem.kind}",
        type=problem.record_type,
        name=problem.record_name,
        expected=problem.expected,
        found=problem.found or "—",
    )


def certificate_reason(language: Language, progress: DomainProgress) -> str:
    """Why the certificate failed, in the user's language; the authority's own words only for an
    unknown kind of failure (they are in English, and kept for operators in the domain's record)."""
    reason = certificate_words(language, progress.cause) if progress.cause else None
    return reason if reason is not None else (progress.detail or "—")


def status_event(
    language: Language, progress: DomainProgress, records: tuple[tuple[str, str, str], ...] = ()
) -> DomainStatus:
    name = progress.name
    until = progress.not_after.date().isoformat() if progress.not_after else "—"
    if progress.status == "pending_dns":
        text = say(language, "domain_pending_dns", domain=name)
        if progress.problems:
            text += "\n" + "\n".join("• " + problem_text(language, p) for p in progress.problems)
        if records:
            text += "\n" + records_text(language, records)
    elif progress.status == "active":
        text = say(language, "domain_active", domain=name, until=until)
        if progress.detail:
            text += " " + say(language, "domain_renew_retry", reason=certificate_reason(language, progress))
    elif progress.status == "failed":
        text = say(language, "domain_failed", domain=name, reason=certificate_reason(language, progress))
    elif progress.status == "removed":
        text = say(language, "domain_removed", domain=name)
    elif progress.status in ("lost", "expired"):
        text = say(language, f"domain_claim_{progress.status}", domain=name)
    else:
        text = say(language, f"domain_{progress.status}", domain=name)
    status = progress.status if progress.status in _STATUSES else "pending_dns"
    return DomainStatus(domain=name, status=status, text=text, records=records)  # type: ignore[arg-type]


_STATUSES = ("pending_dns", "verified", "issuing", "active", "failed", "removed", "lost", "expired")


async def follow(
    port: DomainPort, site_id: int, progress: DomainProgress, language: Language, wait: timedelta
) -> AsyncIterator[Event]:
    """Report ``progress`` and every change after it while it is verified/issuing, up to ``wait``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait.total_seconds()
    last = (progress.status, progress.detail)
    yield status_event(language, progress)
    pause = 0.05
    while progress.status in FOLLOWED:
        if loop.time() >= deadline:
            still = status_event(language, progress)
            yield DomainStatus(still.domain, still.status, say(language, "domain_still_working", domain=progress.name))
            return
        await asyncio.sleep(pause)
        pause = min(pause * 1.5, 0.5)
        current = await port.status(site_id, progress.name)
        if current is None:
            return
        progress = current
        if (progress.status, progress.detail) != last:
            last = (progress.status, progress.detail)
            yield status_event(language, progress)
