#!/usr/bin/env bash
# Creates .venv/airflow: the real Apache Airflow that `validate --import` runs
# each DAG file in. The version is the one the cluster runs, read from the
# apache/airflow image tag in base/kustomization.yaml, so a DAG is checked
# against the same Airflow it will meet in production.
#
# Idempotent: a stamp file records what was installed, and a second run with
# the same pin returns at once. pip's cache is kept, so a rebuild is quick.
#
#   AIRFLOW_VENV            where to create the venv   (default .venv/airflow)
#   AIRFLOW_KUSTOMIZATION   where to read the pin from (default base/kustomization.yaml)
#   AIRFLOW_PYTHON          the interpreter to build it with (default python3.11)
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${AIRFLOW_VENV:-.venv/airflow}"
kustomization="${AIRFLOW_KUSTOMIZATION:-base/kustomization.yaml}"
python="${AIRFLOW_PYTHON:-python3.11}"

if [[ ! -f "$kustomization" ]]; then
  echo "setup-airflow-venv: $kustomization not found; it pins the Airflow version (images: - name: apache/airflow, newTag: ...)" >&2
  exit 2
fi

# The newTag of the `apache/airflow` entry under `images:`; the keys of an entry
# may come in any order, so each entry is collected before it is judged.
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
  echo "setup-airflow-venv: no plain version for apache/airflow in $kustomization (found '${version}'); expected an images: entry with name: apache/airflow and newTag: \"X.Y.Z\"" >&2
  exit 2
fi

# The provider is left to pip's resolver: it follows Airflow's own bounds.
requirements=("apache-airflow==$version" "apache-airflow-providers-standard")
stamp="$venv/.airflow-gitops-installed"
wanted="${requirements[*]}"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "Airflow $version already installed in $venv"
  exit 0
fi

if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-airflow-venv: $python not found; install Python 3.11 or set AIRFLOW_PYTHON" >&2
  exit 2
fi

echo "Installing Airflow $version into $venv"
rm -f "$stamp"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet "${requirements[@]}"
# Fail here, not in the first test, if the install does not import.
"$venv/bin/python" -c "import airflow, airflow.providers.standard; assert airflow.__version__ == '$version', airflow.__version__"
echo "$wanted" >"$stamp"
echo "Airflow $version installed in $venv"
