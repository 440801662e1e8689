#!/usr/bin/env bash
# Resolves airflow.in into airflow.lock: every package pinned with its hashes,
# for Python 3.11 on every platform (--universal). Run it after changing the
# apache/airflow tag in base/kustomization.yaml or a line of airflow.in, and
# commit both files.
#
#   AIRFLOW_CONSTRAINTS   a constraints file (path or URL) to resolve within,
#                         e.g. Airflow's own for this version and Python:
#     https://raw.githubusercontent.com/apache/airflow/constraints-3.3.2/constraints-3.11.txt
set -euo pipefail
cd "$(dirname "$0")"
repo_root="$(cd ../.. && pwd)"

version="$(bash airflow-pin.sh "${AIRFLOW_KUSTOMIZATION:-$repo_root/base/kustomization.yaml}")"
uv="$(bash install-uv.sh)"

sed -i "s/^apache-airflow==.*/apache-airflow==$version/" airflow.in
constraints=()
if [[ -n "${AIRFLOW_CONSTRAINTS:-}" ]]; then constraints=(--constraint "$AIRFLOW_CONSTRAINTS"); fi
"$uv" pip compile --quiet --generate-hashes --universal --python-version 3.11 \
  --custom-compile-command "bash python/requirements/lock.sh" \
  "${constraints[@]}" airflow.in -o airflow.lock
echo "airflow.lock: apache-airflow==$version and $(grep -c '^[a-z0-9].*==' airflow.lock) packages"
