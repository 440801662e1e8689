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
# in place of their images. Installed only when missing, with sudo when not root.
packages=()
[[ -x /usr/sbin/sshd ]] || packages+=(openssh-server)
[[ -f /usr/lib/x86_64-linux-gnu/libnss_wrapper.so ]] || packages+=(libnss-wrapper)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || packages+=(postgresql)
command -v redis-server >/dev/null || packages+=(redis-server)
# shellcheck: actionlint checks the workflows' scripts with it.
command -v shellcheck >/dev/null || packages+=(shellcheck)
if ((${#packages[@]} > 0)); then
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

echo "== actionlint"
# Built from its Go module into .tools/ (gitignored); the workflow tests run it.
if [[ ! -x .tools/actionlint ]]; then
  GOBIN="$PWD/.tools" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
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
