"""passkeys: WebAuthn credentials as a second factor, and their single-use challenges

Revision ID: 0013_passkeys
Revises: 0012_accounts
"""
import sqlalchemy as sa
from alembic import op

revision = "0013_passkeys"
down_revision = "0012_accounts"
branch_labels = None
depends_on = None


def _user() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)


def upgrade() -> None:
    op.create_table(
        "account_passkeys",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("credential_id", sa.String(400), nullable=False, unique=True),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("sign_count", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("name", sa.String(80), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "account_passkey_challenges",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("challenge_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("purpose", sa.String(12), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("account_passkey_challenges")
    op.drop_table("account_passkeys")
