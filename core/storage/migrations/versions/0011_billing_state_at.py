"""billing: when the subscription state on record was true at Stripe (its event's ``created``)

Stripe delivers webhook events in no set order and retries them for days; a state is only
applied when its event is not older than the one on record.

Revision ID: 0011_billing_state_at
Revises: 0005_billing
"""
import sqlalchemy as sa
from alembic import op

revision = "0011_billing_state_at"
down_revision = "0005_billing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("billing_subscriptions", sa.Column("state_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("billing_subscriptions", "state_at")
