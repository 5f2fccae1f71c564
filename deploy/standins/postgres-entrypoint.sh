#!/bin/sh
# Stand-in for the official postgres image's entrypoint (scripts/stack-check.sh): POSTGRES_USER, POSTGRES_DB, POSTGRES_PASSWORD_FILE.
set -e
mkdir -p "$PGDATA" /run/postgresql && chown -R postgres:postgres "$PGDATA" /run/postgresql
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pw=$(cat "${POSTGRES_PASSWORD_FILE:-/dev/null}" 2>/dev/null || echo "${POSTGRES_PASSWORD:-}")
  su postgres -c "initdb -D '$PGDATA' --username='${POSTGRES_USER:-postgres}' --auth-host=scram-sha-256 --auth-local=trust" >/dev/null
  echo "host all all 0.0.0.0/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"
  su postgres -c "pg_ctl -D '$PGDATA' -o '-c listen_addresses=' -w start" >/dev/null
  psql -v ON_ERROR_STOP=1 -U "${POSTGRES_USER:-postgres}" -d postgres -c "ALTER USER \"${POSTGRES_USER:-postgres}\" PASSWORD '$pw'" >/dev/null
  [ "${POSTGRES_DB:-postgres}" = postgres ] || psql -U "${POSTGRES_USER:-postgres}" -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\"" >/dev/null
  su postgres -c "pg_ctl -D '$PGDATA' -m fast -w stop" >/dev/null
fi
exec su postgres -c "postgres -D '$PGDATA' -c listen_addresses='*'"
