#!/usr/bin/env bash
# Installs the native ruff that `validate` runs in place of ruff's WebAssembly
# build (same version, same findings, a fraction of the time: see
# docs/validate.md) into .venv/ruff of this checkout, where validate looks
# for it, when it is not there yet; prints the path of its binary. ruff.lock
# pins it with its hashes; pip keeps the wheel in its cache.
#
#   AIRFLOW_GITOPS_RUFF_VENV  where to install it (default .venv/ruff)
#   RUFF_PYTHON               the interpreter that makes the venv (default python3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec bash "$here/install-pinned-tool.sh" ruff "${AIRFLOW_GITOPS_RUFF_VENV:-$here/../../.venv/ruff}" "${RUFF_PYTHON:-python3}"
