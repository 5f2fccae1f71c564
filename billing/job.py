"""The billing job: grace periods, then usage -> outbox -> Stripe, forever.

It runs in ``pagemagic worker`` (with Redis) or inside the app when there is no worker.
Each step is safe to repeat and safe to run in several processes at once (see outbox.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from billing.accounts import Accounts
from billing.outbox import MeterOutbox
from billing.stripe.meters import MeterSender
from core.storage.tables import utcnow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobReport:
    taken: int = 0  # usage rows turned into reports
    sent: int = 0
    rejected: int = 0
    postponed: int = 0
    downgraded: int = 0


class BillingJob:
    def __init__(self, accounts: Accounts, outbox: MeterOutbox, sender: MeterSender,
                 collect_batch: int = 5000, send_batch: int = 500) -> None:
        self.accounts = accounts
        self.outbox = outbox
        self.sender = sender
        self.collect_batch = collect_batch
        self.send_batch = send_batch

    async def run_once(self, now: datetime | None = None) -> JobReport:
        now = now or utcnow()
        downgraded = await self.accounts.expire_grace(now)
        taken = 0
        while True:
            n = await self.outbox.collect(now, self.collect_batch)
            taken += n
            if n < self.collect_batch:
                break
        sent = rejected = postponed = 0
        while True:
            due = await self.outbox.due(now, self.send_batch)
            if not due:
                break
            result = await self.sender.send(due, now)
            await self.outbox.mark_sent(result.sent)
            for report, reason in result.rejected:
                await self.outbox.reject([report.id], reason)
            for customer in result.gone_customers:
                await self.accounts.customer_deleted(customer)
            if result.postponed:
                await self.outbox.postpone(result.postponed, result.last_error, now)
                log.warning("Stripe did not take %d meter report(s) (%s); they will be sent later",
                            len(result.postponed), result.last_error)
            sent, rejected, postponed = (
                sent + len(result.sent), rejected + len(result.rejected), postponed + len(result.postponed)
            )
            if result.postponed or len(due) < self.send_batch:
                break
        return JobReport(taken, sent, rejected, postponed, len(downgraded))
