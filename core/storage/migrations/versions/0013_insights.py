"""insights: site_days (the edge's analytics, one row per site per UTC day, for the dashboard and
/stats) and spending_caps (the most overage an account allows itself a month)

Revision ID: 0013_insights
Revises: 0012_accounts
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0013_insights"
down_revision = "0012_accounts"  # main's newest migration when this branch began
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "site_days",
        sa.Column("site_id", sa.Integer(), sa.ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("requests", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("views", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("visitors", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("bytes", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("classes", _JSON, nullable=False),
        sa.Column("pages", _JSON, nullable=False),
        sa.Column("referrers", _JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "spending_caps",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("cap_cents", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("spending_caps")
    op.drop_table("site_days")
