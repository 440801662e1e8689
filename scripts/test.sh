#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (npm
# packages, the Airflow venv, the Go-built cluster binaries), then runs the
# suite. The cluster tests start the local control plane themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== npm packages"
npm ci --no-audit --no-fund --loglevel=error
export PATH="$PWD/node_modules/.bin:$PATH"

# Root for what needs it: as root (a container) directly, otherwise through
# sudo (a GitHub-hosted runner's user has it without a password).
as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo -n "$@"; fi
}

echo "== Debian packages"
# sshd and nss_wrapper: the git-sync SSH access test runs real ssh, git and
# sshd as git-sync's uid; shellcheck lets actionlint check the workflows'
# scripts. Installed only when missing.
if [[ ! -x /usr/sbin/sshd || ! -f /usr/lib/x86_64-linux-gnu/libnss_wrapper.so || ! -x /usr/bin/shellcheck ]]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server libnss-wrapper shellcheck >/dev/null
fi

echo "== actionlint"
# Built from its Go module into a folder of the repository (gitignored).
if [[ ! -x .tools-adoption/actionlint ]]; then
  GOBIN="$PWD/.tools-adoption" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
fi

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
