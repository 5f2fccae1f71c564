"""Backups and restore: ``pagemagic backup`` and ``pagemagic restore`` (bots/backup.py wires them).

An archive is one file, ``pagemagic-<UTC time>.pmbackup``: a tar stream sealed in chunks with
AES-256-GCM under ``PAGEMAGIC_BACKUP_KEY`` (``sealed``), holding

- ``manifest.json``: what is inside, and counts to check a restore against;
- the database: PostgreSQL as ``pg_dump`` custom format, or SQLite through its online backup API
  (``database``), taken at one instant together with
- what Redis holds that nothing else can rebuild: the edge's usage counts not yet drained into the
  database (buckets, drains, month totals, overflow, batch ids) and the custom domains' certificates
  and ACME account (``redis_state``); routes and plan limits are rebuilt, not restored;
- ``home/``: every data folder of ``PAGEMAGIC_HOME`` (releases, images, ...) but the database file,
  the edge's rendered config and the backups themselves (``home``).

``restore`` brings a fresh machine back: database, files and Redis state, then the schema brought up
to date, then every published site's service and route re-created from the database (``redeploy``).
"""
