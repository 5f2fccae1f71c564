"""accounts: sessions, link codes, sign-in links, two-factor, API tokens, team grants, deletions

Existing users are already accounts with their identity (``chat_identities``); they become
"person" accounts and keep everything they own.

Revision ID: 0012_accounts
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_accounts"
down_revision = "0001"
branch_labels = ("accounts",)
depends_on = None


def _at(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _user(index: bool = True) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=index)


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("kind", sa.String(10), nullable=False, server_default="person"))
        batch.add_column(sa.Column("language", sa.String(10), nullable=True))
    op.create_table(
        "account_link_codes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        _at("expires_at"),
        _at("used_at", nullable=True),
        _at("created_at"),
    )
    op.create_table(
        "account_pending_actions",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("nonce", sa.String(32), nullable=False, unique=True),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("argument", sa.String(200), nullable=False, server_default=""),
        _at("expires_at"),
        _at("created_at"),
    )
    op.create_table(
        "account_sign_in_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("payload", sa.String(254), nullable=False, server_default=""),
        _at("expires_at"),
        _at("used_at", nullable=True),
        _at("created_at"),
    )
    op.create_table(
        "account_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        _user(),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("second_factor", sa.Boolean(), nullable=False, server_default=sa.false()),
        _at("verified_at", nullable=True),
        _at("created_at"),
        _at("last_seen_at"),
        _at("expires_at"),
    )
    op.create_table(
        "account_totp",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("secret", sa.Text(), nullable=False),
        _at("confirmed_at", nullable=True),
        sa.Column("last_step", sa.BigInteger(), nullable=False, server_default="0"),
        _at("created_at"),
    )
    op.create_table(
        "account_recovery_codes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("code_hash", sa.String(64), nullable=False),
        _at("used_at", nullable=True),
    )
    op.create_table(
        "account_api_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("scopes", sa.String(40), nullable=False),
        _at("created_at"),
        _at("last_used_at", nullable=True),
        _at("revoked_at", nullable=True),
    )
    op.create_table(
        "account_grants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("workspace", sa.String(100), nullable=False, server_default=""),
        sa.Column("external_id", sa.String(100), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        _at("created_at"),
        sa.UniqueConstraint("team_id", "platform", "workspace", "external_id", name="uq_account_grant"),
    )
    op.create_table(
        "account_deletions",
        sa.Column("id", sa.Integer(), primary_key=True),
        _at("deleted_at"),
        _at("retain_until"),
        sa.Column("stripe_customer", sa.String(100), nullable=False, server_default=""),
        sa.Column("plan", sa.String(40), nullable=False, server_default=""),
        sa.Column("kept", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    for table in (
        "account_deletions", "account_grants", "account_api_tokens", "account_recovery_codes", "account_totp",
        "account_sessions", "account_sign_in_links", "account_pending_actions", "account_link_codes",
    ):
        op.drop_table(table)
    with op.batch_alter_table("users") as batch:
        batch.drop_column("language")
        batch.drop_column("kind")
