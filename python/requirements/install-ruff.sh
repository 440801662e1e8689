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
venv="${AIRFLOW_GITOPS_RUFF_VENV:-$here/../../.venv/ruff}"
python="${RUFF_PYTHON:-python3}"
stamp="$venv/.installed"

if [[ -x "$venv/bin/ruff" && -f "$stamp" ]] && cmp -s "$stamp" "$here/ruff.lock"; then
  echo "$venv/bin/ruff"
  exit 0
fi
if ! command -v "$python" >/dev/null 2>&1; then
  echo "install-ruff: $python not found; install Python 3 or set RUFF_PYTHON" >&2
  exit 2
fi
# A symlink here would be someone else's venv: replace the link, not its target.
if [[ -L "$venv" ]]; then rm "$venv"; fi
rm -rf "$venv"
"$python" -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$here/ruff.lock" >&2
cp "$here/ruff.lock" "$stamp"
echo "$venv/bin/ruff"
