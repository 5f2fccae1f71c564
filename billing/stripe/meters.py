"""Reports from the outbox to Stripe Billing Meter Events: v1 one by one, or v2 streams.

Whatever Stripe answers decides the report's fate:
- accepted, or refused because that ``identifier`` is already there: sent;
- the customer no longer exists: rejected, once (the account keeps its usage rows);
- 429, 5xx, no answer, or our key refused: postponed, retried later with the same identifier;
- anything else: rejected with Stripe's message, for an operator to read.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import stripe

from billing.outbox import Report
from billing.stripe.client import StripeConfig, retryable, with_retries
from core.storage.tables import utcnow

log = logging.getLogger(__name__)
STREAM_BATCH = 100  # most events one v2 stream request may carry


@dataclass
class SendResult:
    sent: list[int] = field(default_factory=list)
    rejected: list[tuple[Report, str]] = field(default_factory=list)
    postponed: list[Report] = field(default_factory=list)
    gone_customers: set[str] = field(default_factory=set)
    last_error: str = ""


def _duplicate(exc: stripe.StripeError) -> bool:
    return getattr(exc, "code", None) == "resource_already_exists" and "identifier" in str(exc)


def _customer_missing(exc: stripe.StripeError) -> bool:
    return getattr(exc, "code", None) == "resource_missing" and "customer" in (getattr(exc, "param", "") or "")


class MeterSender:
    def __init__(self, client: stripe.StripeClient, config: StripeConfig, concurrency: int = 8) -> None:
        self.client = client
        self.config = config
        self.concurrency = concurrency
        self._token: tuple[str, datetime] | None = None

    async def send(self, reports: list[Report], now: datetime | None = None) -> SendResult:
        now = now or utcnow()
        if self.config.streams:
            return await self._send_streams(reports, now)
        return await self._send_v1(reports, now)

    # -- v1: one request per report, a few at a time --------------------------------

    async def _send_v1(self, reports: list[Report], now: datetime) -> SendResult:
        result = SendResult()
        gate = asyncio.Semaphore(self.concurrency)

        async def one(report: Report) -> None:
            async with gate:
                await self._one_v1(report, now, result)

        await asyncio.gather(*(one(r) for r in reports))
        return result

    async def _one_v1(self, report: Report, now: datetime, result: SendResult) -> None:
        timestamp = int(report.timestamp(now).timestamp())
        params: dict[str, object] = {
            "event_name": report.event_name,
            "identifier": report.identifier,  # what dedupes the event at Stripe, for good
            "timestamp": timestamp,
            "payload": {"stripe_customer_id": report.customer_id, "value": str(report.value)},
        }
        # The idempotency key makes a retry after a lost answer get the first answer back (within
        # Stripe's 24 hours). It names the timestamp too: a report near the 35-day limit is sent with
        # a later timestamp next time, and Stripe refuses a key reused with other parameters.
        key = f"{report.identifier}-{timestamp}"
        try:
            await with_retries(
                lambda: self.client.v1.billing.meter_events.create_async(
                    params, {"idempotency_key": key}  # type: ignore[arg-type]
                ),
                self.config.retries, self.config.backoff, "meter event",
            )
            result.sent.append(report.id)
        except stripe.StripeError as exc:
            self._classify(report, exc, result)

    def _classify(self, report: Report, exc: stripe.StripeError, result: SendResult) -> None:
        message = getattr(exc, "user_message", None) or str(exc)
        if _duplicate(exc):
            result.sent.append(report.id)  # Stripe has it already: an earlier send got through
        elif _customer_missing(exc):
            result.rejected.append((report, f"customer {report.customer_id} no longer exists in Stripe"))
            result.gone_customers.add(report.customer_id)
        elif retryable(exc) or isinstance(exc, (stripe.AuthenticationError, stripe.PermissionError)):
            result.postponed.append(report)
            result.last_error = f"{type(exc).__name__}: {message}"
        else:
            result.rejected.append((report, f"{type(exc).__name__}: {message}"))

    # -- v2: a session token, then batches on the meter event stream ------------------

    async def _session_token(self, now: datetime) -> str:
        if self._token is None or self._token[1] - timedelta(minutes=1) <= now:
            session = await with_retries(
                lambda: self.client.v2.billing.meter_event_session.create_async(),
                self.config.retries, self.config.backoff, "meter event session",
            )
            expires = datetime.fromisoformat(str(session.expires_at).replace("Z", "+00:00")).astimezone(UTC)
            self._token = (session.authentication_token, expires)
        return self._token[0]

    async def _send_streams(self, reports: list[Report], now: datetime) -> SendResult:
        result = SendResult()
        for start in range(0, len(reports), STREAM_BATCH):
            batch = reports[start:start + STREAM_BATCH]
            events: list[dict[str, object]] = [{
                "event_name": r.event_name,
                "identifier": r.identifier,
                "timestamp": r.timestamp(now).isoformat().replace("+00:00", "Z"),
                "payload": {"stripe_customer_id": r.customer_id, "value": str(r.value)},
            } for r in batch]
            try:
                await self._stream(events, now)
                result.sent.extend(r.id for r in batch)
            except stripe.StripeError as exc:
                if _customer_missing(exc):
                    # The stream refuses the whole batch; v1 tells which report is the bad one.
                    sub = await self._send_v1(batch, now)
                    result.sent += sub.sent
                    result.rejected += sub.rejected
                    result.postponed += sub.postponed
                    result.gone_customers |= sub.gone_customers
                    continue
                for report in batch:
                    self._classify(report, exc, result)
                if result.postponed:
                    result.postponed.extend(reports[start + STREAM_BATCH:])
                    break
        return result

    async def _stream(self, events: list[dict[str, object]], now: datetime) -> None:
        for attempt in range(2):
            token = await self._session_token(now)
            try:
                await with_retries(
                    lambda token=token: self.client.v2.billing.meter_event_stream.create_async(  # type: ignore[misc]
                        {"events": events}, {"api_key": token}  # type: ignore[typeddict-item]
                    ),
                    self.config.retries, self.config.backoff, "meter event stream",
                )
                return
            except (stripe.AuthenticationError, stripe.TemporarySessionExpiredError):
                self._token = None  # the session expired early: a new one, once
                if attempt:
                    raise
