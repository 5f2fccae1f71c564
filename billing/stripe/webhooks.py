"""``/stripe/webhook``: verified with the SDK's own signature check, each event acted on once.

The event's id is stored in the same transaction as its effect, so a second delivery (Stripe
retries until it gets a 2xx, and may deliver twice anyway) finds it and changes nothing.
A bad signature is a 400 and nothing is read from the body.

Stripe does not deliver events in the order they happened, and retries a failed delivery for
days, so a subscription's state is applied by recency: the event's ``created`` is kept with
the state it set, and an event older than that changes nothing. A cancelled subscription
stays cancelled (Stripe never reactivates one; a new subscription has a new id), and an
event about a subscription other than the one on record cannot end the one on record.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import stripe
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from billing.accounts import Accounts
from billing.plans import Catalog, billing_period
from billing.tables import BillingCustomerRow, BillingSubscriptionRow, StripeEventRow
from core.storage.tables import utcnow

log = logging.getLogger(__name__)
MAX_BODY = 1024 * 1024  # one event; a larger body is refused with 413 before it is read (the route's limit)
TOLERANCE = 300  # seconds a signature's timestamp may be old (Stripe's default)


@dataclass(frozen=True)
class Outcome:
    status: int
    detail: str
    changed: tuple[tuple[int, str], ...] = ()  # (user, plan) to tell the listeners about


class WebhookHandler:
    def __init__(
        self, accounts: Accounts, catalog: Callable[[], Catalog], secret: str, grace: timedelta,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.accounts = accounts
        self.catalog = catalog
        self.secret = secret
        self.grace = grace
        self.clock = clock  # "now" for signature age, grace periods and billing periods

    def _verify(self, payload: bytes, signature: str) -> None:
        """The SDK checks the HMAC; the signature's age is checked against our clock, not the wall's."""
        stripe.WebhookSignature.verify_header(payload.decode("utf-8"), signature, self.secret, tolerance=None)
        stamps = [part[2:] for part in signature.split(",") if part.startswith("t=")]
        if not stamps or not stamps[0].isdigit() or int(stamps[0]) < self.clock().timestamp() - TOLERANCE:
            raise stripe.SignatureVerificationError(  # type: ignore[no-untyped-call]
                "timestamp outside the tolerance zone", signature, None
            )

    async def receive(self, payload: bytes, signature: str) -> Outcome:
        try:
            self._verify(payload, signature)
            event = json.loads(payload)
            event_id, kind, obj = event["id"], event["type"], event["data"]["object"]
            created = datetime.fromtimestamp(int(event["created"]), UTC)
        except (stripe.SignatureVerificationError, UnicodeDecodeError, ValueError, KeyError, TypeError,
                OverflowError, OSError, RecursionError) as exc:
            log.warning("Stripe webhook refused: %s", type(exc).__name__)
            return Outcome(400, "invalid signature or payload")
        if not (isinstance(event_id, str) and isinstance(kind, str) and isinstance(obj, dict)):
            # signed, so Stripe's; but not an event as Stripe documents one (the handlers read obj.get(...))
            log.warning("Stripe webhook refused: not an event (id %s, type %s, object %s)",
                        type(event_id).__name__, type(kind).__name__, type(obj).__name__)  # fmt: skip
            return Outcome(400, "not an event")
        try:
            async with self.accounts.store.session() as session, session.begin():
                session.add(StripeEventRow(id=str(event_id)[:100], type=str(kind)[:80]))
                await session.flush()  # a second delivery stops here
                changed = await self._apply(session, str(kind), obj, created)
        except IntegrityError:
            return Outcome(200, "already processed")
        for user_id, plan in changed:
            await self.accounts.notify(user_id, plan)
        return Outcome(200, "processed", tuple(changed))

    async def _apply(
        self, session: AsyncSession, kind: str, obj: dict[str, Any], created: datetime
    ) -> list[tuple[int, str]]:
        if kind == "checkout.session.completed":
            return await self._checkout_completed(session, obj, created)
        if kind in ("customer.subscription.created", "customer.subscription.updated"):
            return await self._subscription(session, obj, created, deleted=False)
        if kind == "customer.subscription.deleted":
            return await self._subscription(session, obj, created, deleted=True)
        if kind == "invoice.payment_failed":
            await self._payment(session, obj, created, failed=True)
        elif kind == "invoice.paid":
            await self._payment(session, obj, created, failed=False)
        elif kind == "customer.deleted":
            row = await session.get(BillingCustomerRow, await self.accounts.user_of_customer(session, obj["id"]) or -1)
            if row is not None and row.customer_id == obj["id"] and row.deleted_at is None:
                row.deleted_at = self.clock()
        return []

    async def _checkout_completed(
        self, session: AsyncSession, obj: dict[str, Any], created: datetime
    ) -> list[tuple[int, str]]:
        customer = obj.get("customer") or ""
        reference = str(obj.get("client_reference_id") or "")
        user_id = int(reference) if reference.isdigit() else await self.accounts.user_of_customer(session, customer)
        plan = (obj.get("metadata") or {}).get("plan", "")
        if user_id is None or plan not in self.catalog().plans or not obj.get("subscription"):
            log.warning("checkout.session.completed without a known account or plan; ignored")
            return []
        if self._stale(await session.get(BillingSubscriptionRow, user_id), str(obj["subscription"]), created):
            return []
        await self._save_subscription(session, user_id, str(obj["subscription"]), customer, plan, "active", created)
        changed = await self.accounts.set_plan(session, user_id, plan, "checkout completed")
        return [(user_id, plan)] if changed else []

    async def _subscription(
        self, session: AsyncSession, obj: dict[str, Any], created: datetime, deleted: bool
    ) -> list[tuple[int, str]]:
        customer = obj.get("customer") or ""
        user_id = await self.accounts.user_of_customer(session, customer)
        if user_id is None:
            return []
        on_record = await session.get(BillingSubscriptionRow, user_id)
        if self._stale(on_record, str(obj["id"]), created):
            return []
        if deleted and on_record is not None and on_record.subscription_id != str(obj["id"]):
            log.info("Stripe: subscription %s ended; the account's subscription is %s, unchanged",
                     obj["id"], on_record.subscription_id)
            return []
        status = "canceled" if deleted else str(obj.get("status", ""))
        catalog = self.catalog()
        plan = (obj.get("metadata") or {}).get("plan", "")
        for item in (obj.get("items") or {}).get("data", []):
            found = catalog.plan_for_price(str((item.get("price") or {}).get("id", "")))
            if found is not None:
                plan = found.name
        if plan not in catalog.plans:
            plan = "free"
        row = await self._save_subscription(session, user_id, str(obj["id"]), customer, plan, status, created)
        if status in ("active", "trialing"):
            row.grace_until = None
            target = plan
        elif status in ("past_due", "unpaid") and not deleted:
            row.grace_until = row.grace_until or self.clock() + self.grace
            return []  # keeps its plan until the grace period ends
        else:
            target = "free"
        changed = await self.accounts.set_plan(session, user_id, target, f"subscription {status}")
        return [(user_id, target)] if changed else []

    async def _payment(self, session: AsyncSession, obj: dict[str, Any], created: datetime, failed: bool) -> None:
        user_id = await self.accounts.user_of_customer(session, obj.get("customer") or "")
        row = await session.get(BillingSubscriptionRow, user_id) if user_id is not None else None
        if row is None or self._stale(row, row.subscription_id, created):
            return
        # Not the subscription's state: an invoice does not move state_at, so a plan change made just
        # before it (an upgrade is invoiced at once) still applies when delivered after it.
        if failed:
            row.grace_until = row.grace_until or self.clock() + self.grace
            row.status = "past_due"
        else:
            row.grace_until, row.status = None, "active"
        row.updated_at = self.clock()

    @staticmethod
    def _stale(row: BillingSubscriptionRow | None, subscription_id: str, created: datetime) -> bool:
        """True when the record already holds a newer state than an event created at ``created``."""
        if row is None:
            return False
        if row.subscription_id == subscription_id and row.status == "canceled":
            reason = "the subscription is cancelled"
        elif row.state_at is not None and created < row.state_at:
            reason = f"the state on record is from {row.state_at.isoformat()}"
        else:
            return False
        log.info("Stripe: an event from %s about %s changes nothing: %s", created.isoformat(), subscription_id, reason)
        return True

    async def _save_subscription(
        self, session: AsyncSession, user_id: int, subscription_id: str, customer: str, plan: str, status: str,
        created: datetime,
    ) -> BillingSubscriptionRow:
        row = await session.get(BillingSubscriptionRow, user_id)
        now = self.clock()
        if row is None:
            row = BillingSubscriptionRow(
                user_id=user_id, subscription_id=subscription_id, customer_id=customer, plan=plan, status=status,
                metered_since=billing_period(now)[0], state_at=created, updated_at=now,
            )
            session.add(row)
        else:
            row.subscription_id, row.customer_id, row.plan, row.status, row.state_at, row.updated_at = (
                subscription_id, customer, plan, status, created, now,
            )
        return row


def webhook_route(handler: WebhookHandler, path: str = "/stripe/webhook") -> BaseRoute:
    async def endpoint(request: Request) -> Response:
        body = await request.body()  # max_body_size: 413 before more than MAX_BODY is read
        outcome = await handler.receive(body, request.headers.get("stripe-signature", ""))
        return JSONResponse({"status": outcome.detail}, status_code=outcome.status)

    return Route(path, endpoint, methods=["POST"], max_body_size=MAX_BODY)
