"""usage drains: edge usage hand-overs already stored (exactly-once metering)

Revision ID: 0004_usage_drains
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_usage_drains"
down_revision = "0001"
branch_labels = ("usage_drains",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "usage_drains",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("usage_drains")
