#!/usr/bin/env bash
# Installs uv (pinned with hashes in uv.lock) into .venv/uv when it is not
# there yet, and prints the path of its binary.
#
#   AIRFLOW_GITOPS_UV_VENV  where to install it (default .venv/uv)
#   AIRFLOW_PYTHON          the interpreter that makes the venv (default python3.11)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec bash "$here/install-pinned-tool.sh" uv "${AIRFLOW_GITOPS_UV_VENV:-$here/../../.venv/uv}" "${AIRFLOW_PYTHON:-python3.11}"
