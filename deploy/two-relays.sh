#!/usr/bin/env bash
# Runs the example of docs/deploy.md on this machine: two relays sharing boards through Redis and
# PostgreSQL, behind nginx on http://127.0.0.1:8080. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export HOST=127.0.0.1
export TRUST_PROXY=1

npm run build --silent
npm run build:server --silent
mkdir -p deploy/run
PORT=8081 node dist/server/main.js &
PORT=8082 node dist/server/main.js &
trap 'kill $(jobs -p) 2>/dev/null; nginx -p "$PWD/deploy/" -c "$PWD/deploy/nginx.conf" -s stop 2>/dev/null' EXIT
nginx -p "$PWD/deploy/" -c "$PWD/deploy/nginx.conf" -g 'daemon off;' &
echo "MDO-bord on http://127.0.0.1:8080 (relays on 8081 and 8082)"
wait
