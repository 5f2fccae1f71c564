"""version deltas: a site version stores its edits from the parent, the whole site only now and then

``site_versions.spec`` becomes optional and ``delta`` holds the edits (see
``core.storage.version_codec``). Rows written before keep their whole site in ``spec`` and read as
snapshots: nothing is rewritten, so the upgrade is instant on any size of table.

Revision ID: 0013_version_deltas
Revises: 0012_accounts
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0013_version_deltas"
down_revision = "0012_accounts"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("site_versions") as batch:
        batch.alter_column("spec", existing_type=_json(), nullable=True)
        batch.add_column(sa.Column("delta", _json(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("versions stored as edits have no whole site to go back to")
