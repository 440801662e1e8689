#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (npm
# packages, the Airflow venv, the Go-built cluster binaries), then runs the
# suite. The cluster tests start the local control plane themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== npm packages"
npm ci --no-audit --no-fund --loglevel=error
export PATH="$PWD/node_modules/.bin:$PATH"

echo "== Debian packages"
bash scripts/debian-packages.sh

echo "== Airflow venv"
bash scripts/setup-airflow-venv.sh

echo "== local control plane binaries"
bash hack/cluster/build.sh

echo "== typecheck, lint, dist"
tsc --noEmit
eslint .
npm run --silent lint:layers
node scripts/build.mjs --check

echo "== tests"
node scripts/run-tests.mjs "$@"
