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
# sshd and nss_wrapper: the git-sync SSH access test runs real ssh, git and
# sshd as git-sync's uid. Installed only when missing.
# PostgreSQL and PgBouncer: the PgBouncer component's configuration serves
# Airflow's connections in a test.
sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
if [[ ! -x /usr/sbin/sshd || ! -f /usr/lib/x86_64-linux-gnu/libnss_wrapper.so || ! -x /usr/sbin/pgbouncer ]] ||
  ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    openssh-server libnss-wrapper postgresql pgbouncer >/dev/null
fi

echo "== Airflow venv"
bash scripts/setup-airflow-venv.sh
# The component tests' extras: psycopg2 (PgBouncer), the git provider
# (GitDagBundle), statsd (metrics); pinned, beside the venv.
if [[ ! -f .venv/airflow-extras/.installed ]] || ! cmp -s test/support/template/airflow-extras.txt .venv/airflow-extras/.installed; then
  .venv/airflow/bin/python -m pip install -q --no-deps --upgrade --target .venv/airflow-extras -r test/support/template/airflow-extras.txt
  cp test/support/template/airflow-extras.txt .venv/airflow-extras/.installed
fi

echo "== local control plane binaries"
bash hack/cluster/build.sh
# The Prometheus statsd exporter (the metrics component's image runs it),
# from its Go module, into this checkout's own folder.
if [[ ! -x .cache/bin/statsd_exporter ]]; then
  GOBIN="$PWD/.cache/bin" CGO_ENABLED=0 go install -trimpath -ldflags "-s -w" github.com/prometheus/statsd_exporter@v0.28.0
fi

echo "== typecheck, lint, dist"
tsc --noEmit
eslint .
npm run --silent lint:layers
node scripts/build.mjs --check

echo "== tests"
node scripts/run-tests.mjs "$@"
