#!/usr/bin/env bash
# Build the production image and prove it runs: `make image-check`.
#
# No base image can be pulled on machines without a registry mirror, so when
# python:3.11-slim-bookworm is not already present, a Debian bookworm base with
# Python is made locally with debootstrap (Debian's packages are reachable) and
# imported as pagemagic-base:bookworm. The app image is then built from the
# Dockerfile as it is, started with its defaults (SQLite under /data, offline
# generator, local hosting), and checked from 127.0.0.1: /healthz, /readyz (on the
# private ops port only, 404 on the site port), the
# Docker HEALTHCHECK turning healthy, a described site rendered by `pagemagic
# generate`, the unprivileged user, and the edge's nginx.conf rendered inside.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${IMAGE:-pagemagic:check}
BASE=${BASE_IMAGE:-}
PORT=${PORT:-18400}
OPS_PORT=${OPS_PORT:-18402}
NAME=pagemagic-image-check
LOG=$(mktemp)

build() {  # docker build, quiet unless it fails
  docker build "$@" >"$LOG" 2>&1 || { tail -n 40 "$LOG"; echo "image-check: FAILED: docker build $*"; exit 1; }
}

if [[ -z "$BASE" ]]; then
  if docker image inspect python:3.11-slim-bookworm >/dev/null 2>&1; then
    BASE=python:3.11-slim-bookworm
  else
    BASE=pagemagic-base:bookworm
    if ! docker image inspect "$BASE" >/dev/null 2>&1; then
      command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
      root=$(mktemp -d)
      trap 'rm -rf "$root"' EXIT
      echo "image-check: making $BASE with debootstrap (a few minutes, once)"
      debootstrap --variant=minbase --include=python3,python3-venv,python-is-python3,ca-certificates \
        bookworm "$root" http://deb.debian.org/debian >/dev/null
      rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
      tar -C "$root" -c . | docker import - "$BASE" >/dev/null
    fi
  fi
fi

# Where pip here trusts a CA of this machine's own (a TLS-inspecting network), the build stage
# must trust it too: a thin layer adds the host's bundle and a pip.conf naming it. Nothing of
# it reaches the Dockerfile or a production build.
host_ca=${PIP_CERT:-$(.venv/bin/pip config get global.cert 2>/dev/null || true)}
if [[ -n "$host_ca" && -f "$host_ca" ]]; then
  ctx=$(mktemp -d)
  cp "$host_ca" "$ctx/host-ca.pem"
  printf 'FROM %s\nCOPY host-ca.pem /etc/pagemagic-host-ca.pem\nRUN printf "[global]\\ncert = /etc/pagemagic-host-ca.pem\\n" > /etc/pip.conf\n' \
    "$BASE" > "$ctx/Dockerfile"
  build -t "$BASE-hostca" "$ctx"
  rm -rf "$ctx"
  BASE="$BASE-hostca"
fi

echo "image-check: building $IMAGE from $BASE"
started=$(date +%s)
build --build-arg BASE_IMAGE="$BASE" -t "$IMAGE" .
echo "image-check: built in $(( $(date +%s) - started )) s, $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"

docker rm -f "$NAME" >/dev/null 2>&1 || true
trap 'docker rm -f "$NAME" >/dev/null 2>&1 || true; rm -f "$LOG"' EXIT
docker run -d --name "$NAME" -p "127.0.0.1:$PORT:8400" -p "127.0.0.1:$OPS_PORT:8402" \
  -e PAGEMAGIC_PUBLIC_URL="http://127.0.0.1:$PORT" "$IMAGE" >/dev/null

fail() { echo "image-check: FAILED: $*"; docker logs --tail 40 "$NAME" 2>&1 | sed 's/^/  | /'; exit 1; }

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null || fail "/healthz did not answer within 60 s"
ready=$(curl -fsS "http://127.0.0.1:$OPS_PORT/readyz") || fail "/readyz on the ops port is not 200"
public=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")
[[ "$public" == 404 ]] || fail "/readyz answered $public on the site port"
echo "image-check: /healthz 200, /readyz $ready (site port: $public)"

user=$(docker exec "$NAME" id -u)
[[ "$user" == 10001 ]] || fail "runs as uid $user, not the unprivileged 10001"

for _ in $(seq 1 60); do
  state=$(docker inspect -f '{{.State.Health.Status}}' "$NAME")
  [[ "$state" == healthy ]] && break
  sleep 2
done
[[ "$state" == healthy ]] || fail "the HEALTHCHECK says $state"
echo "image-check: HEALTHCHECK healthy, uid $user"

docker exec "$NAME" pagemagic generate "Uma padaria artesanal em Lisboa, com menu e contacto" --out /data/check >/dev/null \
  || fail "pagemagic generate failed inside the image"
docker exec "$NAME" sh -c 'test -s /data/check/index.html' || fail "no page was written"
docker exec "$NAME" sh -c 'conf=$(pagemagic edge config) && nginx -t -p "$(dirname "$conf")" -c "$conf" -e "$(dirname "$conf")/logs/error.log"' \
  >/dev/null 2>&1 || fail "the edge config rendered inside the image does not pass nginx -t"
echo "image-check: generate wrote a page; the edge config passes nginx -t"
docker rm -f "$NAME" >/dev/null

# The production wiring: PostgreSQL (migrated by `pagemagic migrate`) and Redis, both on this
# machine's loopback, reached through the host network; the app binds 127.0.0.1 only.
DB=pm_image_check
export PGOPTIONS="-c client_min_messages=warning"
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
production=(--network host -e PAGEMAGIC_HOST=127.0.0.1 -e PAGEMAGIC_PORT="$PORT"
  -e PAGEMAGIC_OPS_HOST=127.0.0.1 -e PAGEMAGIC_OPS_PORT="$OPS_PORT"
  -e PAGEMAGIC_DATABASE_URL="postgresql+asyncpg://postgres@127.0.0.1:5432/$DB"
  -e PAGEMAGIC_REDIS_URL=redis://127.0.0.1:6379/0)
docker run --rm "${production[@]}" "$IMAGE" migrate >/dev/null 2>&1 || fail "pagemagic migrate against PostgreSQL failed"
docker run -d --name "$NAME" "${production[@]}" "$IMAGE" >/dev/null
for _ in $(seq 1 60); do
  ready=$(curl -fsS "http://127.0.0.1:$OPS_PORT/readyz" 2>/dev/null) && break
  sleep 1
done
[[ "$ready" == *'"detail":"postgresql"'* && "$ready" == *'"redis":{"ok":true,"status":"up"'* ]] \
  || fail "/readyz with PostgreSQL and Redis: ${ready:-no answer}"
tables=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from information_schema.tables where table_schema='public'")
docker rm -f "$NAME" >/dev/null
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS $DB" >/dev/null
echo "image-check: migrate made $tables tables in PostgreSQL; /readyz: database postgresql up, redis up"
echo "image-check: OK"
