"""images: who sent which image (storage use per owner) and photos waiting for a site

Revision ID: 0011_images
Revises: 0010_slack_tokens_sealed
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0011_images"
down_revision = "0010_slack_tokens_sealed"  # follows the newest migration on main
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "image_uploads",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("bytes", sa.BigInteger(), nullable=False),
        sa.Column("asset", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("pending_conversation_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("owner_id", "hash", name="uq_image_owner_hash"),
    )
    op.create_index("ix_image_uploads_owner_id", "image_uploads", ["owner_id"])
    op.create_index("ix_image_uploads_pending_conversation_id", "image_uploads", ["pending_conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_image_uploads_pending_conversation_id", table_name="image_uploads")
    op.drop_index("ix_image_uploads_owner_id", table_name="image_uploads")
    op.drop_table("image_uploads")
