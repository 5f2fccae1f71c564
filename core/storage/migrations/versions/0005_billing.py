"""billing: Stripe customers and subscriptions, webhook events, meter outbox, alerts

Revision ID: 0005_billing
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_billing"
down_revision = "0001"
branch_labels = ("billing",)
depends_on = None


def _at(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "billing_customers",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("customer_id", sa.String(100), nullable=False, unique=True),
        _at("deleted_at", nullable=True),
        _at("created_at"),
    )
    op.create_table(
        "billing_subscriptions",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("subscription_id", sa.String(100), nullable=False, index=True),
        sa.Column("customer_id", sa.String(100), nullable=False),
        sa.Column("plan", sa.String(40), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        _at("grace_until", nullable=True),
        _at("metered_since"),
        _at("updated_at"),
    )
    op.create_table(
        "billing_plan_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("from_plan", sa.String(40), nullable=False),
        sa.Column("to_plan", sa.String(40), nullable=False),
        sa.Column("reason", sa.String(120), nullable=False),
        _at("created_at"),
    )
    op.create_table(
        "stripe_events",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("type", sa.String(80), nullable=False),
        _at("created_at"),
    )
    op.create_table(
        "meter_outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("identifier", sa.String(100), nullable=False, unique=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("customer_id", sa.String(100), nullable=False),
        sa.Column("event_name", sa.String(100), nullable=False),
        sa.Column("metric", sa.String(40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        _at("window_start"),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _at("next_attempt_at"),
        sa.Column("error", sa.Text(), nullable=False),
        _at("created_at"),
        _at("sent_at", nullable=True),
    )
    op.create_index("ix_meter_outbox_state_next", "meter_outbox", ["state", "next_attempt_at"])
    op.create_table(
        "meter_taken",
        sa.Column("usage_event_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("outbox_id", sa.Integer(), sa.ForeignKey("meter_outbox.id", ondelete="CASCADE"), nullable=False,
                  index=True),
    )
    op.create_table(
        "billing_alerts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        _at("period_start"),
        sa.Column("metric", sa.String(40), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        _at("created_at"),
        sa.UniqueConstraint("user_id", "period_start", "metric", "threshold", name="uq_billing_alert"),
    )


def downgrade() -> None:
    for table in ("billing_alerts", "meter_taken", "meter_outbox", "stripe_events", "billing_plan_changes",
                  "billing_subscriptions", "billing_customers"):
        op.drop_table(table)
