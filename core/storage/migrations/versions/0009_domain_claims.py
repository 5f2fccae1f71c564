"""domain claims: several sites may claim a name until one proves it by DNS

Revision ID: 0009_domain_claims
Revises: 0006_domains

``domains.name`` was unique, so an unproven claim (``pending_dns``) blocked
the name's real owner forever. Now a row is one site's claim: unique per
(site, name), and unique per name only once held (proven, or attached without
DNS proof); ``lost`` and ``expired`` claims are kept to tell their owners.

SQLite cannot drop the old constraint in place: the table is rebuilt. Dropping
the old table would cascade to ``domain_states`` (foreign keys are on inside
the migration's transaction), so those rows are kept aside and put back.
"""
from alembic import op
import sqlalchemy as sa

revision = "0009_domain_claims"
down_revision = "0006_domains"
branch_labels = None
depends_on = None

NOT_HELD = "status NOT IN ('pending_dns', 'lost', 'expired')"
STATE_COLUMNS = "domain_id, detail, attempts, next_check_at, checked_at, not_after, updated_at"


def _rebuild_sqlite(drop: str, add: tuple[str, list[str]]) -> None:
    op.execute(f"CREATE TEMPORARY TABLE kept_domain_states AS SELECT {STATE_COLUMNS} FROM domain_states")
    naming = {"uq": "uq_%(table_name)s_%(column_0_name)s"}
    with op.batch_alter_table("domains", recreate="always", naming_convention=naming) as batch:
        batch.drop_constraint(drop, type_="unique")
        batch.create_unique_constraint(*add)
    op.execute("DELETE FROM domain_states")
    op.execute(f"INSERT INTO domain_states ({STATE_COLUMNS}) SELECT {STATE_COLUMNS} FROM kept_domain_states")
    op.execute("DROP TABLE kept_domain_states")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite("uq_domains_name", ("uq_domain_site_name", ["site_id", "name"]))
    else:
        op.drop_constraint("domains_name_key", "domains", type_="unique")
        op.create_unique_constraint("uq_domain_site_name", "domains", ["site_id", "name"])
    op.create_index(
        "uq_domains_held_name", "domains", ["name"], unique=True,
        sqlite_where=sa.text(NOT_HELD), postgresql_where=sa.text(NOT_HELD),
    )


def downgrade() -> None:
    op.drop_index("uq_domains_held_name", table_name="domains")
    op.execute("DELETE FROM domains WHERE status IN ('pending_dns', 'lost', 'expired') AND name IN "
               "(SELECT name FROM domains GROUP BY name HAVING count(*) > 1)")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite("uq_domain_site_name", ("domains_name_key", ["name"]))
    else:
        op.drop_constraint("uq_domain_site_name", "domains", type_="unique")
        op.create_unique_constraint("domains_name_key", "domains", ["name"])
