#!/usr/bin/env bash
# Starts what the test suite needs and is not running yet. Idempotent and quick when
# everything is already up. PostgreSQL and Redis are normally started by the machine;
# this only starts them if they stopped, and installs them on a machine that lacks them.
set -euo pipefail

log() { printf 'services: %s\n' "$*"; }
APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" -eq 0 ]; then apt-get update -qq -o DPkg::Lock::Timeout=600; APT_UPDATED=1; fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PostgreSQL on 127.0.0.1:5432 with a `test` database (trust auth).
if ! port_open 5432; then
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  version=$(ls /etc/postgresql | sort -V | tail -n1)
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 50); do port_open 5432 && break; sleep 0.2; done
fi
if ! psql -h 127.0.0.1 -U postgres -d test -Atc 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -Atc 'create database test' >/dev/null 2>&1 \
    || su postgres -c "psql -Atc 'create database test'" >/dev/null 2>&1 || true
fi

# Redis on 127.0.0.1:6379.
if ! port_open 6379; then
  command -v redis-server >/dev/null || apt_install redis-server
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 50); do port_open 6379 && break; sleep 0.2; done
fi

# Docker engine in Swarm mode and a registry on 127.0.0.1:5000, for the swarm hosting tests.
if ! command -v dockerd >/dev/null || ! command -v docker-registry >/dev/null || [ ! -x /bin/busybox ]; then
  apt_install docker.io busybox-static docker-registry
fi
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd"
  nohup dockerd --host unix:///var/run/docker.sock >/var/log/pagemagic-dockerd.log 2>&1 &
  for _ in $(seq 1 150); do docker info >/dev/null 2>&1 && break; sleep 0.2; done
fi
docker info >/dev/null 2>&1 || { log "the Docker engine did not start (see /var/log/pagemagic-dockerd.log)"; exit 1; }
if [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" != "active" ]; then
  log "initialising Swarm"
  docker swarm init --advertise-addr 127.0.0.1 >/dev/null
fi
if ! port_open 5000; then
  log "starting the registry on 127.0.0.1:5000"
  mkdir -p /etc/pagemagic /var/lib/pagemagic-registry
  cat >/etc/pagemagic/registry.yml <<'YAML'
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: /var/lib/pagemagic-registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5000
YAML
  nohup docker-registry serve /etc/pagemagic/registry.yml >/var/log/pagemagic-registry.log 2>&1 &
  for _ in $(seq 1 50); do port_open 5000 && break; sleep 0.2; done
fi
port_open 5000 || { log "the registry did not start (see /var/log/pagemagic-registry.log)"; exit 1; }

# The nginx + Lua edge (issue 8): nginx with the Lua module, its Redis client and JSON, busted, wrk.
# Only the packages; the system nginx is never started or configured (tests run their own).
apt_install nginx-light libnginx-mod-http-lua lua-nginx-redis lua-cjson lua-busted wrk

# Custom domains (issue 10): Let's Encrypt's pebble ACME server and pebble-challtestsrv (DNS);
# the tests start both themselves on 127.0.0.1 ports. lua-resty-core gives the edge ngx.ssl (SNI).
apt_install pebble lua-resty-core lua-resty-lrucache

# Operating it (issue 20): the edge's WAF (ModSecurity for nginx, the OWASP Core Rule Set); promtool and
# amtool for the alert rules, Prometheus and Alertmanager for the end-to-end alert test (the tests start
# their own on free ports); pg_dump and pg_restore (15, as the server here) for backups.
apt_install libnginx-mod-http-modsecurity modsecurity-crs prometheus prometheus-alertmanager postgresql-client

# Web sign-in tests (issue 18): Debian's chromium, driven by Playwright through executable_path (no browser download).
apt_install chromium

# Production stack (issue 11): Debian's docker-compose validates docker-compose.yml (`docker-compose config`).
apt_install docker-compose

port_open 5432 || { log "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }
port_open 6379 || { log "Redis is not reachable on 127.0.0.1:6379"; exit 1; }
log "PostgreSQL, Redis, Docker (Swarm) and the registry are up"
