#!/usr/bin/env bash
# Installs a tool pinned with its hashes in <tool>.lock beside this script into
# its own venv, when that venv does not hold this lock's install yet; prints
# the path of the tool's binary. install-uv.sh and install-ruff.sh call it.
#
#   usage: install-pinned-tool.sh TOOL VENV PYTHON
#   TOOL    the lock's name and the binary's (uv, ruff)
#   VENV    the folder of the venv
#   PYTHON  the interpreter that makes the venv
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tool=$1 venv=$2 python=$3
lock="$here/$tool.lock"
stamp="$venv/.installed"

if [[ -x "$venv/bin/$tool" && -f "$stamp" ]] && cmp -s "$stamp" "$lock"; then
  echo "$venv/bin/$tool"
  exit 0
fi
if ! command -v "$python" >/dev/null 2>&1; then
  echo "install-$tool: $python not found; install Python 3 or name another interpreter" >&2
  exit 2
fi
# A symlink here would be someone else's venv: replace the link, not its target.
if [[ -L "$venv" ]]; then rm "$venv"; fi
rm -rf "$venv"
"$python" -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$lock" >&2
cp "$lock" "$stamp"
echo "$venv/bin/$tool"
