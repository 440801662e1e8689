#!/usr/bin/env bash
# Creates .venv/airflow: the real Apache Airflow that `validate --import` runs
# each DAG file in, and that the process runtime of the tests runs in place of
# the apache/airflow image. It installs requirements.lock, the team's lock
# (`npx airflow-gitops lock` writes it: Airflow's packages and the DAGs' own,
# every one pinned with its hashes) when there is one, else the base lock
# python/requirements/airflow.lock; so the venv is the same on every machine
# and every day, and has what the image has. The lock must be for the version
# base/kustomization.yaml pins.
#
# Idempotent: a stamp file records the lock that was installed (its sha256),
# and a second run with the same lock returns at once.
#
#   AIRFLOW_VENV               where to create the venv   (default .venv/airflow)
#   AIRFLOW_KUSTOMIZATION      where to read the pin from (default base/kustomization.yaml)
#   AIRFLOW_REQUIREMENTS_LOCK  the team's lock, installed when the file exists (default requirements.lock)
#   AIRFLOW_LOCK               the lock to install, whatever else exists (default: the one above, else
#                              python/requirements/airflow.lock)
#   AIRFLOW_PYTHON             the interpreter to build it with (default python3.11)
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${AIRFLOW_VENV:-.venv/airflow}"
kustomization="${AIRFLOW_KUSTOMIZATION:-base/kustomization.yaml}"
team_lock="${AIRFLOW_REQUIREMENTS_LOCK:-requirements.lock}"
if [[ -n "${AIRFLOW_LOCK:-}" ]]; then lock="$AIRFLOW_LOCK"
elif [[ -f "$team_lock" ]]; then lock="$team_lock"
else lock=python/requirements/airflow.lock
fi
python="${AIRFLOW_PYTHON:-python3.11}"

version="$(bash python/requirements/airflow-pin.sh "$kustomization")"
if [[ ! -f "$lock" ]]; then
  echo "setup-airflow-venv: $lock not found; create it with 'bash python/requirements/lock.sh' (the base lock) or 'npx airflow-gitops lock' (requirements.lock)" >&2
  exit 2
fi
locked="$(sed -n 's/^apache-airflow==\([^ ]*\).*/\1/p' "$lock")"
if [[ "$locked" != "$version" ]]; then
  echo "setup-airflow-venv: $lock pins apache-airflow==${locked:-nothing} but $kustomization pins apache/airflow:$version; run 'bash python/requirements/lock.sh' (the base lock), then 'npx airflow-gitops lock' (requirements.lock), and commit the locks" >&2
  exit 2
fi

stamp="$venv/.airflow-gitops-installed"
wanted="$(sha256sum "$lock" | cut -d' ' -f1) $python"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "Airflow $version already installed in $venv"
  exit 0
fi
if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-airflow-venv: $python not found; install Python 3.11 or set AIRFLOW_PYTHON" >&2
  exit 2
fi

echo "Installing Airflow $version into $venv from $lock"
uv="$(AIRFLOW_PYTHON="$python" bash python/requirements/install-uv.sh)"
# A symlink here would be someone else's venv: replace the link, not its target.
if [[ -L "$venv" ]]; then rm "$venv"; fi
rm -f "$stamp"
"$python" -m venv "$venv"
# sync, not install: a package the lock no longer lists is removed.
"$uv" pip sync --quiet --require-hashes --python "$venv/bin/python" "$lock"
# Fail here, not in the first test, if the install does not import (the
# imports' warnings are shown only then).
if ! check="$("$venv/bin/python" -c "
import airflow, airflow.providers.standard, airflow.providers.celery.executors.celery_executor
import airflow.providers.fab.auth_manager.fab_auth_manager, airflow.providers.postgres, airflow.providers.redis
assert airflow.__version__ == '$version', airflow.__version__
" 2>&1)"; then
  echo "$check" >&2
  echo "setup-airflow-venv: Airflow from $lock does not import" >&2
  exit 1
fi
echo "$wanted" >"$stamp"
echo "Airflow $version installed in $venv"
