"""slack tokens sealed at rest: bot and user tokens of workspace installs encrypted with PAGEMAGIC_TOKEN_KEY

Revision ID: 0010_slack_tokens_sealed
Revises: 0002_slack

Plain-text tokens left by earlier versions are sealed here (``core.sealing``),
each bound to its workspace. With such rows and no PAGEMAGIC_TOKEN_KEY the
migration stops with ``TokenKeyMissing`` and says what to set: it never goes
on leaving them readable. On PostgreSQL the columns become TEXT (a sealed
token is longer than the 255 characters they allowed).
"""
from alembic import context, op
import sqlalchemy as sa

from core.errors import TokenKeyMissing
from core.sealing import SecretBox, is_sealed
from core.storage.slack_tables import token_binding

revision = "0010_slack_tokens_sealed"
down_revision = "0002_slack"
branch_labels = None
depends_on = None

ROWS = sa.text("SELECT id, enterprise_id, team_id, bot_token, user_token FROM slack_installations")
WRITE = sa.text("UPDATE slack_installations SET bot_token = :bot, user_token = :user WHERE id = :id")


def _box() -> SecretBox | None:
    box = context.config.attributes.get("secret_box")
    return box if isinstance(box, SecretBox) else None


def _plain(token: str | None) -> bool:
    return bool(token) and not is_sealed(token or "")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.alter_column("slack_installations", "bot_token", type_=sa.Text(), existing_nullable=False)
        op.alter_column("slack_installations", "user_token", type_=sa.Text(), existing_nullable=True)
    plain = [row for row in bind.execute(ROWS) if _plain(row.bot_token) or _plain(row.user_token)]
    if not plain:
        return
    box = _box()
    if box is None:
        raise TokenKeyMissing(
            f"{len(plain)} Slack installation(s) hold plain-text tokens, which this version stores encrypted: "
            "set PAGEMAGIC_TOKEN_KEY (openssl rand -base64 32) and start again"
        )
    for row in plain:
        sealed = {}
        for kind, value in (("bot", row.bot_token), ("user", row.user_token)):
            binding = token_binding(row.enterprise_id, row.team_id, kind)
            sealed[kind] = box.seal(value, binding) if _plain(value) else value
        bind.execute(WRITE, {"id": row.id, "bot": sealed["bot"], "user": sealed["user"]})


def downgrade() -> None:
    bind = op.get_bind()
    rows = [row for row in bind.execute(ROWS) if is_sealed(row.bot_token or "") or is_sealed(row.user_token or "")]
    if rows:
        box = _box()
        if box is None:
            raise TokenKeyMissing("going back to plain-text Slack tokens needs PAGEMAGIC_TOKEN_KEY to open them")
        for row in rows:
            opened = {}
            for kind, value in (("bot", row.bot_token), ("user", row.user_token)):
                binding = token_binding(row.enterprise_id, row.team_id, kind)
                opened[kind] = box.open(value, binding) if value and is_sealed(value) else value
            bind.execute(WRITE, {"id": row.id, "bot": opened["bot"], "user": opened["user"]})
    if bind.dialect.name == "postgresql":
        op.alter_column("slack_installations", "bot_token", type_=sa.String(255), existing_nullable=False)
        op.alter_column("slack_installations", "user_token", type_=sa.String(255), existing_nullable=True)
