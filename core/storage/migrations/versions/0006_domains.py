"""domain_states: DNS check results, retries and certificate expiry of custom domains

Revision ID: 0006_domains
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0006_domains"
down_revision = "0001"
branch_labels = ("domains",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "domain_states",
        sa.Column("domain_id", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_check_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("not_after", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["domain_id"], ["domains.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("domain_id"),
    )
    op.create_index("ix_domain_states_next_check_at", "domain_states", ["next_check_at"])


def downgrade() -> None:
    op.drop_index("ix_domain_states_next_check_at", table_name="domain_states")
    op.drop_table("domain_states")
