#!/usr/bin/env bash
# Deploys the stack to a Swarm manager over SSH: `make deploy` (the CI's deploy job runs it on a tag).
#
#   DEPLOY_SSH_KEY      private key of a user on the manager who may run `docker` (unset: nothing is
#                       deployed, and this says so)
#   DEPLOY_HOST         user@manager
#   DEPLOY_KNOWN_HOSTS  the manager's line(s) for known_hosts (ssh-keyscan HOST); the host key is checked
#   PAGEMAGIC_IMAGE     the image to run (the CI passes the pushed tag's digest)
#   DEPLOY_DIR          folder on the manager (default pagemagic): it holds .env and secrets/ (set up once,
#                       as docs/production.md says); this puts the stack file and deploy/ beside them
#   DEPLOY_PROFILES     profiles to include, space-separated (e.g. "monitoring")
#   REGISTRY_USER, REGISTRY_TOKEN   when set, the manager logs in to the image's registry first
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DEPLOY_SSH_KEY:-}" ]; then
  echo "deploy: DEPLOY_SSH_KEY is not set; nothing deployed"
  exit 0
fi
: "${DEPLOY_HOST:?DEPLOY_HOST (user@manager) is needed}"
: "${DEPLOY_KNOWN_HOSTS:?DEPLOY_KNOWN_HOSTS (the host key line of the manager) is needed}"
: "${PAGEMAGIC_IMAGE:?PAGEMAGIC_IMAGE (the image to deploy) is needed}"
dir=${DEPLOY_DIR:-pagemagic}
if [[ "$dir$PAGEMAGIC_IMAGE" =~ [^A-Za-z0-9._/:@-] ]]; then
  echo "deploy: DEPLOY_DIR or PAGEMAGIC_IMAGE holds characters a path or an image name never has"; exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%s\n' "$DEPLOY_SSH_KEY" > "$work/key"
printf '%s\n' "$DEPLOY_KNOWN_HOSTS" > "$work/known_hosts"
chmod 600 "$work/key"
ssh=(ssh -i "$work/key" -o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes)

profiles=()
for profile in ${DEPLOY_PROFILES:-}; do profiles+=(--profile "$profile"); done
.venv/bin/python deploy/stack.py "${profiles[@]}" > "$work/stack.yml"

# the rendered stack and the configs it mounts (deploy/), next to the manager's own .env and secrets/
tar -C "$work" -cf "$work/upload.tar" stack.yml
tar -rf "$work/upload.tar" deploy
"${ssh[@]}" "$DEPLOY_HOST" "mkdir -p '$dir' && tar -xf - -C '$dir'" < "$work/upload.tar"

if [ -n "${REGISTRY_TOKEN:-}" ]; then
  registry=${PAGEMAGIC_IMAGE%%/*}
  printf '%s' "$REGISTRY_TOKEN" | "${ssh[@]}" "$DEPLOY_HOST" \
    "docker login '$registry' --username '${REGISTRY_USER:-deploy}' --password-stdin" >/dev/null
fi
# .env is read for ${VAR} interpolation (docker stack deploy does not read it by itself)
"${ssh[@]}" "$DEPLOY_HOST" "cd '$dir' && set -a && { [ ! -f .env ] || . ./.env; } && set +a && \
  PAGEMAGIC_IMAGE='$PAGEMAGIC_IMAGE' docker stack deploy --with-registry-auth --prune -c stack.yml pagemagic"
echo "deploy: $PAGEMAGIC_IMAGE deployed to $DEPLOY_HOST:$dir"
