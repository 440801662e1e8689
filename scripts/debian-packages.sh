#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo run, when missing (with
# sudo when not root): sshd and nss_wrapper (the git-sync SSH access test runs
# real ssh, git and sshd as git-sync's uid; the process runtime resolves each
# pod's names with nss_wrapper), PostgreSQL and Redis (the process runtime
# runs them in place of their images), PgBouncer (the PgBouncer component's
# configuration serves Airflow's connections in a test), shellcheck (actionlint
# checks the workflows' scripts with it), curl and jq (the workflows' step that
# reads their own version from the OIDC token runs in a test as on a runner).
set -euo pipefail
packages=()
[[ -x /usr/sbin/sshd ]] || packages+=(openssh-server)
[[ -f /usr/lib/x86_64-linux-gnu/libnss_wrapper.so ]] || packages+=(libnss-wrapper)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || packages+=(postgresql)
command -v redis-server >/dev/null || packages+=(redis-server)
[[ -x /usr/sbin/pgbouncer ]] || packages+=(pgbouncer)
command -v shellcheck >/dev/null || packages+=(shellcheck)
command -v curl >/dev/null || packages+=(curl)
command -v jq >/dev/null || packages+=(jq)
if ((${#packages[@]} > 0)); then
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
