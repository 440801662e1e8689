#!/usr/bin/env bash
# Prints the Airflow version the cluster runs: the newTag of the
# `apache/airflow` entry under `images:` in base/kustomization.yaml (or the
# file given as $1). The lock, the venv and the images all follow it.
set -euo pipefail
kustomization="${1:-$(dirname "$0")/../../base/kustomization.yaml}"
if [[ ! -f "$kustomization" ]]; then
  echo "airflow-pin: $kustomization not found; it pins the Airflow version (images: - name: apache/airflow, newTag: ...)" >&2
  exit 2
fi

# The keys of an images: entry may come in any order, so each entry is
# collected before it is judged.
version="$(awk '
  function value(line) { sub(/^[[:space:]]*(-[[:space:]]*)?[A-Za-z]+:[[:space:]]*/, "", line); sub(/[[:space:]]+#.*$/, "", line); gsub(/["\047[:space:]]/, "", line); return line }
  function judge() { if (name == "apache/airflow" && tag != "") { print tag; found = 1; exit } }
  /^[^[:space:]#]/ { judge(); in_images = ($0 ~ /^images:/); name = ""; tag = ""; next }
  !in_images { next }
  /^[[:space:]]*-[[:space:]]/ { judge(); name = ""; tag = "" }
  /^[[:space:]]*(-[[:space:]]*)?name:/ { name = value($0) }
  /^[[:space:]]*(-[[:space:]]*)?newTag:/ { tag = value($0) }
  END { if (!found) judge() }
' "$kustomization")"

if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "airflow-pin: no plain version for apache/airflow in $kustomization (found '${version}'); expected an images: entry with name: apache/airflow and newTag: \"X.Y.Z\"" >&2
  exit 2
fi
echo "$version"
