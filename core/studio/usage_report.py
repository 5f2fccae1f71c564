"""The /usage report."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

from core.events import (
    Event,
    UsageLine,
    UsageReport,
)
from core.i18n.formatting import day_month
from core.messages import metric_label, say, say_plural
from core.site.values import Language
from core.storage.records import ConversationRecord
from core.studio.base import StudioBase
from core.studio.formatting import _amount, _bar, _money


class UsageFlow(StudioBase):
    """/usage: the period's figures against the plan, per metric and per site."""

    # -- usage -----------------------------------------------------------------------

    async def usage(self, conversation: ConversationRecord, language: Language) -> AsyncIterator[Event]:
        summary = await self.quotas.summary(conversation.user_id)
        lines = tuple(
            UsageLine(m.metric, metric_label(language, m.metric), m.used, m.limit, m.overage_cents)
            for m in summary.metrics
        )
        text_lines = [
            say(
                language,
                "usage_header",
                start=day_month(summary.period_start.date(), language),
                end=day_month((summary.period_end - timedelta(days=1)).date(), language),
                plan=summary.plan,
            )
        ]
        for line in lines:
            used = _amount(line.metric, line.used, language)
            if line.limit is None:
                text_lines.append(say(language, "usage_line_unlimited", label=line.label, used=used))
            else:
                limit = _amount(line.metric, line.limit, language)
                text = (
                    say(language, "usage_line", label=line.label, used=used, limit=limit)
                    + "  "
                    + _bar(line.used, line.limit)
                )
                if line.overage_cents:
                    text += " · " + say(
                        language, "usage_overage", amount=_money(line.overage_cents, summary.currency, language)
                    )
                text_lines.append(text)
        overage = sum(line.overage_cents for line in lines)
        text_lines.append(
            say(
                language,
                "usage_estimate",
                total=_money(summary.estimate_cents, summary.currency, language),
                base=_money(summary.estimate_cents - overage, summary.currency, language),
                overage=_money(overage, summary.currency, language),
                reset=day_month(summary.period_end.date(), language),
            )
        )
        if summary.sites:
            text_lines.append(say(language, "usage_sites_header"))
            for site in summary.sites:
                text_lines.append(
                    say_plural(
                        language,
                        "usage_site_line",
                        site.requests,
                        name=site.name,
                        bytes=_amount("bytes", site.bytes, language),
                    )
                )
        if summary.cap_cents is not None:
            left = max(0, summary.cap_cents - overage)
            text_lines.append(
                say(
                    language,
                    "usage_cap",
                    cap=_money(summary.cap_cents, summary.currency, language),
                    left=_money(left, summary.currency, language),
                )
            )
        yield UsageReport(
            summary.plan,
            summary.period_start,
            summary.period_end,
            lines,
            "\n".join(text_lines),
            estimate_cents=summary.estimate_cents,
            currency=summary.currency,
        )
