"""Billing's tables: Stripe customers and subscriptions, webhook events seen, the meter
outbox and what it has taken from ``usage_events``, plan changes and alerts sent.

Migration: core/storage/migrations/versions/0005_billing.py (a branch off 0001).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.tables import Base, UtcDateTime, utcnow


class BillingCustomerRow(Base):
    """One Stripe customer per account, created the first time one is needed."""

    __tablename__ = "billing_customers"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(100), unique=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class BillingSubscriptionRow(Base):
    """The account's Stripe subscription as the last webhook described it."""

    __tablename__ = "billing_subscriptions"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    subscription_id: Mapped[str] = mapped_column(String(100), index=True)
    customer_id: Mapped[str] = mapped_column(String(100))
    plan: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(30))
    grace_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    # Usage from this moment on is reported to Stripe (the start of the period it began in).
    metered_since: Mapped[datetime] = mapped_column(UtcDateTime())
    # When the state on record was true at Stripe: the ``created`` of the event that set it. Events
    # arrive in any order; an older one never overwrites it (None: written before this was kept).
    state_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class PlanChangeRow(Base):
    """Every plan change and why (an audit trail for support)."""

    __tablename__ = "billing_plan_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    from_plan: Mapped[str] = mapped_column(String(40))
    to_plan: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class StripeEventRow(Base):
    """A webhook event already acted on: Stripe may deliver one more than once."""

    __tablename__ = "stripe_events"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    type: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class MeterOutboxRow(Base):
    """One meter event to report; ``identifier`` is fixed when the row is written, so every
    resend of it is the same event to Stripe."""

    __tablename__ = "meter_outbox"
    __table_args__ = (Index("ix_meter_outbox_state_next", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifier: Mapped[str] = mapped_column(String(100), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[str] = mapped_column(String(100))
    event_name: Mapped[str] = mapped_column(String(100))
    metric: Mapped[str] = mapped_column(String(40))
    value: Mapped[int] = mapped_column(BigInteger)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(12), default="pending")  # pending | sent | rejected
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class MeterTakenRow(Base):
    """A usage row already in the outbox (written in the same transaction as its report)."""

    __tablename__ = "meter_taken"

    usage_event_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("meter_outbox.id", ondelete="CASCADE"), index=True)


class SpendingAlertRow(Base):
    """An alert posted in a chat; the unique key makes it once per metric, threshold and period."""

    __tablename__ = "billing_alerts"
    __table_args__ = (UniqueConstraint("user_id", "period_start", "metric", "threshold", name="uq_billing_alert"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    period_start: Mapped[datetime] = mapped_column(UtcDateTime())
    metric: Mapped[str] = mapped_column(String(40))
    threshold: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class SpendingCapRow(Base):
    """The most overage an account allows itself a month (set on the billing page); the operator's
    cap (``billing_spending_cap_cents``), when lower, still applies."""

    __tablename__ = "spending_caps"

    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    cap_cents: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
