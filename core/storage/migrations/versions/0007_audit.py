"""audit: who published, unpublished, changed a domain, a plan or a permission, when, from which chat

Revision ID: 0007_audit
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_audit"
down_revision = "0001"
branch_labels = ("audit",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.String(500), nullable=False, server_default=""),
        sa.Column("platform", sa.String(20), nullable=False, server_default=""),
        sa.Column("workspace", sa.String(100), nullable=False, server_default=""),
        sa.Column("chat_id", sa.String(100), nullable=False, server_default=""),
        sa.Column("actor", sa.String(100), nullable=False, server_default=""),
        sa.Column("request_id", sa.String(64), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_audit_site", "audit_events", ["site_id", "id"])
    op.create_index("ix_audit_user", "audit_events", ["user_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_audit_user", table_name="audit_events")
    op.drop_index("ix_audit_site", table_name="audit_events")
    op.drop_table("audit_events")
