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
# sshd as git-sync's uid. PostgreSQL and Redis: the process runtime runs them
# in place of their images; PgBouncer: the PgBouncer component's configuration
# serves Airflow's connections in a test. curl and jq: the workflows' step that
# reads their own version from the OIDC token runs in a test as on a runner;
# and shellcheck, with which actionlint checks the workflows' scripts. Installed only
# when missing, with sudo when not root.
packages=()
[[ -x /usr/sbin/sshd ]] || packages+=(openssh-server)
[[ -f /usr/lib/x86_64-linux-gnu/libnss_wrapper.so ]] || packages+=(libnss-wrapper)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || packages+=(postgresql)
command -v redis-server >/dev/null || packages+=(redis-server)
[[ -x /usr/sbin/pgbouncer ]] || packages+=(pgbouncer)
command -v curl >/dev/null || packages+=(curl)
command -v jq >/dev/null || packages+=(jq)
command -v shellcheck >/dev/null || packages+=(shellcheck)
if ((${#packages[@]} > 0)); then
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
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

echo "== workflow linters"
# actionlint (built from its Go module) and zizmor (from PyPI, in its own venv)
# into .tools/ (gitignored), at the versions the workflow tests were checked with.
actionlint_version=v1.7.12
zizmor_version=1.32.0
if [[ "$(.tools/bin/actionlint -version 2>/dev/null | head -n1)" != "$actionlint_version" ]]; then
  GOBIN="$PWD/.tools/bin" go install "github.com/rhysd/actionlint/cmd/actionlint@$actionlint_version"
fi
if [[ "$(.tools/zizmor/bin/zizmor --version 2>/dev/null)" != "zizmor $zizmor_version" ]]; then
  python3 -m venv .tools/zizmor
  .tools/zizmor/bin/pip install --quiet --disable-pip-version-check "zizmor==$zizmor_version"
fi

echo "== typecheck, lint, dist"
tsc --noEmit
eslint .
npm run --silent lint:layers
node scripts/build.mjs --check

echo "== tests"
node scripts/run-tests.mjs "$@"
