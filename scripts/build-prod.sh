#!/usr/bin/env bash
# Builds the production tree in a target directory: the steps docker/Dockerfile runs, shared so
# the image and the offline check (scripts/check-prod.sh) cannot drift apart.
#
#   scripts/build-prod.sh <target-dir> [deps|app|all]
#
#   deps  copy package.json + package-lock.json, `npm ci` (all dependencies: the compiler is one)
#   app   copy the sources, `npm run build` (tsc, then the bundle), drop dev dependencies and what only the
#         compiler read
#   all   both (default)
#
# The Dockerfile runs `deps` and `app` as separate layers so a source change reuses the installed
# dependencies.
set -euo pipefail

usage() { echo "usage: scripts/build-prod.sh <target-dir> [deps|app|all]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
phase="${2:-all}"
case "$phase" in deps|app|all) ;; *) usage ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
target="$(cd "$1" && pwd)"
if [ "$target" = "$root" ]; then
  echo "build-prod: the target must not be the source tree (npm prune would remove its dev dependencies)" >&2
  exit 2
fi

deps() {
  cp "$root/package.json" "$root/package-lock.json" "$target/"
  (cd "$target" && npm ci --no-audit --no-fund --loglevel=error)
}

app() {
  cp "$root/tsconfig.json" "$root/tsconfig.build.json" "$target/"
  for dir in src schemas public knowledge; do
    rm -rf "${target:?}/$dir"
    if [ -d "$root/$dir" ]; then
      cp -R "$root/$dir" "$target/$dir"
    else
      echo "build-prod: warning: $dir/ is missing from the sources" >&2
    fi
  done
  # `npm run build` ends with the bundle the runtime starts from (dist/server.mjs).
  mkdir -p "$target/scripts"
  cp "$root/scripts/bundle.mjs" "$target/scripts/"
  cd "$target"
  rm -rf dist
  npm run build --silent
  npm prune --omit=dev --no-audit --no-fund --loglevel=error
  # The runtime reads dist/server.mjs, public/, knowledge/, package.json and the packages the bundle leaves
  # out (scripts/bundle.mjs); the rest only fed the compiler. tsc's file-by-file output (dist/src/,
  # dist/schemas/) checked the types and is not run.
  rm -rf src schemas scripts/bundle.mjs tsconfig.json tsconfig.build.json dist/.tsbuildinfo dist/src dist/schemas
  rmdir scripts 2>/dev/null || true
  find dist -name '*.map' -delete
  # Type declarations and TypeScript sources that packages ship are never loaded by Node; they
  # are a fifth of node_modules. (Source maps stay: the web page serves two of them.)
  find node_modules -type f \( -name '*.ts' -o -name '*.mts' -o -name '*.cts' \) -delete
}

case "$phase" in
  deps) deps ;;
  app) app ;;
  all) deps; app ;;
esac
