#!/usr/bin/env bash
# Deploy docker-compose.yml as a Swarm stack on this machine and check it comes up: `make stack-check`.
#
# The stack file is rendered by deploy/stack.py and deployed as it is, with three changes this
# machine needs: images that cannot be pulled are stand-ins built from the local Debian base
# (deploy/standins/: PostgreSQL, Redis, the registry; the app image from `make image-check`),
# services use DNS round robin (no IPVS here, so Swarm's virtual IPs and routing mesh do not
# answer) and published ports are in host mode on free loopback-reachable ports. Checks: every
# service converges, migrations finish, the app is ready (PostgreSQL, Redis), the worker is
# ready (PostgreSQL, Redis, Docker socket as uid 10001), the edge answers and reaches Redis, and
# the Docker HEALTHCHECKs pass. The stack, its secrets and the node label are removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
STACK=${STACK:-pmcheck}
APP_PORT=${APP_PORT:-18410}
EDGE_PORT=${EDGE_PORT:-18480}
REGISTRY_PORT=${REGISTRY_PORT:-15000}
BASE=pagemagic-base:bookworm
WORK=$(mktemp -d)
NODE=$(docker info -f '{{.Swarm.NodeID}}')

remove_stack() {  # services, then (once their containers are gone) the stack's volumes
  docker stack rm "$STACK" >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do
    [[ -z "$(docker ps -aq -f "label=com.docker.stack.namespace=$STACK")" ]] && break
    sleep 2
  done
  docker volume ls -q -f "label=com.docker.stack.namespace=$STACK" | xargs -r docker volume rm >/dev/null 2>&1 || true
}
cleanup() {
  remove_stack
  docker node update --label-rm pagemagic.db "$NODE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
  echo "stack-check: FAILED: $*"
  docker stack ps "$STACK" --no-trunc --format '  {{.Name}} {{.CurrentState}} {{.Error}}' 2>/dev/null | head -20
  exit 1
}

remove_stack  # whatever an interrupted run left, volumes included (a new password each run)
bash scripts/image-check.sh >/dev/null || fail "make image-check"  # the app image, as the code is now
for name in postgres redis registry; do
  docker build -q --build-arg BASE_IMAGE="$BASE" -t "pmcheck-$name:1" -f "deploy/standins/$name.Dockerfile" deploy/standins \
    >"$WORK/build.log" 2>&1 || { tail -n 20 "$WORK/build.log"; fail "building the $name stand-in"; }
done

mkdir -p "$WORK/secrets"
cp .env.example "$WORK/.env"
pw=$(openssl rand -hex 12) rpw=$(openssl rand -hex 12)
printf %s "$pw" > "$WORK/secrets/postgres_password"
printf %s "$rpw" > "$WORK/secrets/redis_password"
printf %s "postgresql+asyncpg://pagemagic:$pw@postgres:5432/pagemagic" > "$WORK/secrets/database_url"
printf %s "redis://:$rpw@redis:6379/0" > "$WORK/secrets/redis_url"
openssl rand -base64 32 | tr -d '\n' > "$WORK/secrets/cert_key"
openssl rand -base64 32 | tr -d '\n' > "$WORK/secrets/token_key"
openssl rand -base64 32 | tr -d '\n' > "$WORK/secrets/account_key"
for s in llm_api_key telegram_token telegram_webhook_secret slack_signing_secret slack_bot_token \
         slack_client_secret stripe_api_key stripe_webhook_secret token_key_previous smtp_password; do
  echo > "$WORK/secrets/$s"   # unused: a newline (Swarm refuses empty secrets)
done

.venv/bin/python deploy/stack.py | .venv/bin/python -c '
import sys, yaml
stack = yaml.safe_load(sys.stdin)
app, edge, registry = (int(p) for p in sys.argv[1:4])
for service in stack["services"].values():
    service.setdefault("deploy", {})["endpoint_mode"] = "dnsrr"
ports = {"app": (8400, app), "registry": (5000, registry), "edge": (8480, edge)}
for name, (target, published) in ports.items():
    stack["services"][name]["ports"] = [{"target": target, "published": published, "protocol": "tcp", "mode": "host"}]
yaml.safe_dump(stack, sys.stdout, sort_keys=False)
' "$APP_PORT" "$EDGE_PORT" "$REGISTRY_PORT" > "$WORK/stack.yml"

docker node update --label-add pagemagic.db=true "$NODE" >/dev/null
(
  cd "$WORK"
  PAGEMAGIC_IMAGE=pagemagic:check POSTGRES_IMAGE=pmcheck-postgres:1 REDIS_IMAGE=pmcheck-redis:1 \
  REGISTRY_IMAGE=pmcheck-registry:1 PAGEMAGIC_APP_REPLICAS=1 PAGEMAGIC_WORKER_REPLICAS=1 \
  DOCKER_GID="$(getent group docker | cut -d: -f3)" \
    docker stack deploy -c stack.yml "$STACK" >/dev/null 2>&1
) || fail "docker stack deploy refused the stack"
echo "stack-check: deployed $(docker stack services -q "$STACK" | wc -l) services"

started=$(date +%s)
ready=""
while (( $(date +%s) - started < 180 )); do
  # /readyz is on the app's private ops port (8402, never published): asked from inside
  app=$(docker ps -q -f "name=${STACK}_app" | head -1)
  ready=$([[ -n "$app" ]] && docker exec "$app" python -c 'import urllib.request as u; print(u.urlopen("http://127.0.0.1:8402/readyz", timeout=3).read().decode())' 2>/dev/null || true)
  [[ "$ready" == *'"ready":true'* ]] && break
  sleep 3
done
[[ "$ready" == *'"detail":"postgresql"'* && "$ready" == *'"redis":{"ok":true,"status":"up"'* ]] \
  || fail "app /readyz: ${ready:-no answer}"
echo "stack-check: app ready after $(( $(date +%s) - started )) s: $ready"
public=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/readyz")
[[ "$public" == 404 ]] || fail "app /readyz answered $public on the published site port"

container() { docker ps -q -f "name=${STACK}_$1" | head -1; }
for _ in $(seq 1 40); do  # the app can be ready (SELECT 1) before the one-shot migration has finished
  migrations=$(docker service ps "${STACK}_migrations" --format '{{.CurrentState}}' | head -1)
  [[ "$migrations" == Complete* ]] && break
  sleep 3
done
[[ "$migrations" == Complete* ]] || fail "migrations: $migrations"
worker=$(container worker)
[[ -n "$worker" ]] || fail "no worker container"
wready=$(docker exec "$worker" python -c 'import urllib.request as u; print(u.urlopen("http://127.0.0.1:8401/readyz").read().decode())') \
  || fail "worker /readyz"
[[ "$wready" == *'"docker":{"ok":true,"status":"up"'* ]] || fail "worker /readyz: $wready"
echo "stack-check: migrations complete; worker ready as uid $(docker exec "$worker" id -u): $wready"

edge_answer=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H 'Host: unknown.pagemagic.localhost' "http://127.0.0.1:$EDGE_PORT/")
[[ "$edge_answer" == 404 ]] || fail "the edge answered $edge_answer for an unknown host (404 expected; 503 = no Redis)"
echo "stack-check: edge answers (404 page for an unknown host) and reaches Redis"

for _ in $(seq 1 40); do
  states=$(for s in app worker edge; do docker inspect -f '{{.State.Health.Status}}' "$(container $s)"; done | sort -u | tr '\n' ' ')
  [[ "$states" == "healthy " ]] && break
  sleep 3
done
[[ "$states" == "healthy " ]] || fail "health checks: $states"
echo "stack-check: app, worker and edge report healthy"
echo "stack-check: OK"
