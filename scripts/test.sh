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
# From requirements.lock (Airflow and the DAGs' packages, with hashes).
bash scripts/setup-airflow-venv.sh
# The component tests' extras: psycopg2 (PgBouncer), the git provider
# (GitDagBundle), statsd (metrics); pinned, beside the venv.
if [[ ! -f .venv/airflow-extras/.installed ]] || ! cmp -s test/support/template/airflow-extras.txt .venv/airflow-extras/.installed; then
  .venv/airflow/bin/python -m pip install -q --no-deps --upgrade --target .venv/airflow-extras -r test/support/template/airflow-extras.txt
  cp test/support/template/airflow-extras.txt .venv/airflow-extras/.installed
fi

echo "== native ruff"
# The ruff program validate runs in place of ruff's WebAssembly build (the
# same version, pinned with hashes), into .venv/ruff where validate finds it.
bash python/requirements/install-ruff.sh >/dev/null

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
