#!/usr/bin/env bash
# `npm run build:prod`: builds the production tree exactly as the image's build stage does
# (scripts/build-prod.sh) into a fresh temporary directory, reports its size, then starts it with
# production settings and no keys and checks /health, /docs, an offline /api/ask and a clean SIGTERM.
# Before that, the code cache is written and checked the way the image's runtime stage writes it.
# KEEP_PROD_TREE=1 keeps the directory for inspection.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/iscoolgpt-prod.XXXXXX")"
cleanup() {
  if [ "${KEEP_PROD_TREE:-0}" = 1 ]; then echo "production tree kept in $work/app"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== build: scripts/build-prod.sh $work/app"
started=$(date +%s)
"$root/scripts/build-prod.sh" "$work/app"
echo "built in $(( $(date +%s) - started )) s"

cd "$work/app"
echo "== size of the production tree (what the image adds on top of the Node runtime)"
for part in . node_modules dist public knowledge; do
  if [ -e "$part" ]; then du -sh "$part" | sed 's/^/  /'; fi
done
echo "  largest packages:"
# One du per package: a single du counts a scope's packages under the scope and then never again.
# awk reads to the end instead of head closing the pipe: under pipefail that SIGPIPE failed the whole check.
for package in node_modules/[!@.]* node_modules/@*/*; do du -sk "$package"; done | sort -rn \
  | awk 'NR <= 10 { printf "  %7.1f MiB  %s\n", $1 / 1024, substr($2, 14) }'

echo "== code cache: written as the image's runtime stage writes it, then used as a start uses it"
NODE_OPTIONS=--max-old-space-size=384 node dist/write-code-cache.mjs
NODE_OPTIONS=--max-old-space-size=384 node dist/write-code-cache.mjs --check

echo "== run: node dist/server.mjs with NODE_ENV=production, without provider keys and with the three SDKs against local stubs"
node "$root/scripts/check-prod.mjs" "$work/app"
