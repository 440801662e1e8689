#!/usr/bin/env bash
# Installs uv (pinned with hashes in uv.lock) into .venv/uv when it is not
# there yet, and prints the path of its binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${AIRFLOW_GITOPS_UV_VENV:-$here/../../.venv/uv}"
python="${AIRFLOW_PYTHON:-python3.11}"
stamp="$venv/.installed"

if [[ -x "$venv/bin/uv" && -f "$stamp" ]] && cmp -s "$stamp" "$here/uv.lock"; then
  echo "$venv/bin/uv"
  exit 0
fi
if ! command -v "$python" >/dev/null 2>&1; then
  echo "install-uv: $python not found; install Python 3.11 or set AIRFLOW_PYTHON" >&2
  exit 2
fi
rm -rf "$venv"
"$python" -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --require-hashes --no-deps -r "$here/uv.lock" >&2
cp "$here/uv.lock" "$stamp"
echo "$venv/bin/uv"
