#!/usr/bin/env bash
# Vendored front-end packages of the dashboard (web/static/vendor/): fetched with `npm pack` at pinned
# versions, checked against pinned SHA-256 sums, unpacked with their licences. Nothing is loaded from a
# CDN at run time; the files are committed so the app runs without npm (`make vendor` refreshes them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/web/static/vendor"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# package@version  sha256-of-tarball  file-in-package  vendored-name
PACKAGES=(
  "htmx.org@2.0.4 a34988d1b9f005a458d593aa8d7486537cb878b8ac3b82703db1268983123ecc dist/htmx.min.js htmx.min.js"
  "sortablejs@1.15.6 7a5de41e4a184f43178f3b7cfd4e22f9ac2945a4b7c715ddc3e1c752b5a631dd Sortable.min.js sortable.min.js"
)
mkdir -p "$DEST"
for entry in "${PACKAGES[@]}"; do
  read -r spec sum file name <<<"$entry"
  (cd "$WORK" && npm pack --silent "$spec" >/dev/null)
  tarball=$(ls "$WORK"/*.tgz)
  echo "$sum  $tarball" | sha256sum -c --quiet -
  mkdir -p "$WORK/x" && tar xzf "$tarball" -C "$WORK/x"
  cp "$WORK/x/package/$file" "$DEST/$name"
  cp "$WORK/x/package/LICENSE" "$DEST/${name%%.*}.LICENSE.txt"
  echo "$spec $sum" >>"$WORK/versions"
  rm -rf "$WORK/x" "$tarball"
done
sort "$WORK/versions" >"$DEST/VERSIONS.txt"
