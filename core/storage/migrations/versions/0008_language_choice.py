"""language choice: a conversation's locale chosen with /language is kept (no detection over it);
locales are longer than the old two-letter languages ("pt_BR"), and the old "pt" was European

Revision ID: 0008_language_choice
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_language_choice"
down_revision = "0001"
branch_labels = ("language",)
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("language_chosen", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.alter_column("language", type_=sa.String(10), existing_type=sa.String(5), existing_nullable=True)
    op.execute("UPDATE conversations SET language = 'pt_PT' WHERE language = 'pt'")


def downgrade() -> None:
    op.execute("UPDATE conversations SET language = 'pt' WHERE language IN ('pt_PT', 'pt_BR')")
    with op.batch_alter_table("conversations") as batch:
        batch.alter_column("language", type_=sa.String(5), existing_type=sa.String(10), existing_nullable=True)
        batch.drop_column("language_chosen")
