#!/usr/bin/env bash
# `npm run verify:recipe`: the Dockerfile's build and start steps, run from a clean clone outside a container
# (this machine has no Docker daemon). Clones the committed HEAD into a temporary directory, then as the image does:
#   npm ci → npm run build → npm prune --omit=dev → node dist/src/server.js (NODE_ENV=production)
# and checks: no dev dependency is left (tsx, typescript, vitest), the server answers /healthz (with the
# Dockerfile's own HEALTHCHECK command), and SIGTERM ends it with status 0. Prints the time of each step and the
# size of the production node_modules. Bounded: each step has a time limit; the temporary directory is removed.
# Not checked here: the base image, apt packages in it, the non-root user, compose.yaml (no daemon to run them).
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$(mktemp -d "${TMPDIR:-/tmp}/verify-recipe-XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() {
  local name=$1 limit=$2; shift 2
  local started=$SECONDS
  echo "== $name"
  if ! timeout "$limit" "$@" >"$work/step.log" 2>&1; then
    tail -40 "$work/step.log"
    echo "verify-recipe: FAILED at: $name"
    exit 1
  fi
  echo "   ok in $((SECONDS - started)) s"
}

step "git clone (committed HEAD of $repo)" 120 git clone --quiet --no-hardlinks "$repo" "$work/app"
cd "$work/app"
step "npm ci" 2400 npm ci --no-audit --no-fund
step "npm run build" 300 npm run build
step "npm prune --omit=dev" 300 npm prune --omit=dev --no-audit --no-fund
for dev in tsx typescript vitest @biomejs/biome; do
  if [ -e "node_modules/$dev" ]; then echo "verify-recipe: FAILED: dev dependency $dev left after prune"; exit 1; fi
done
echo "   production node_modules: $(du -sh node_modules | cut -f1), $(find node_modules -maxdepth 2 -name package.json | wc -l) packages"

echo "== start: node dist/src/server.js (NODE_ENV=production, embedded sandbox allowed for this check)"
mkdir -p "$work/data"
NODE_ENV=production ALLOW_SANDBOX_IN_PRODUCTION=1 HOST=127.0.0.1 PORT=0 \
  SQLITE_PATH="$work/data/conversations.sqlite" SANDBOX_PATH="$work/data/sandbox.sqlite" LOG_LEVEL=warn \
  node dist/src/server.js >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
url=""
for _ in $(seq 1 120); do
  url=$(grep -o 'listening on http://[^ ]*' "$work/server.out" | head -1 | cut -d' ' -f3 || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$url" ]; then cat "$work/server.out" "$work/server.err"; echo "verify-recipe: FAILED: the server did not start"; exit 1; fi
port=${url##*:}
# The Dockerfile's HEALTHCHECK command, as the container would run it.
if ! PORT=$port node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
  echo "verify-recipe: FAILED: /healthz"; exit 1
fi
echo "   /healthz ok at $url"

echo "== SIGTERM"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
if [ "$status" -ne 0 ]; then cat "$work/server.err"; echo "verify-recipe: FAILED: exit status $status after SIGTERM"; exit 1; fi
echo "   exited 0"
echo "verify-recipe: ok"
