#!/usr/bin/env bash
# The local demo, on a fresh machine: installs what it needs, starts the local
# control plane and the process runtime (which runs the pods as local
# processes: Airflow from the locked venv, Debian's PostgreSQL and Redis),
# validates the DAGs, deploys the `local` overlay and ends with Airflow's UI
# on http://127.0.0.1:8080, the admin login and the DAGs Airflow lists.
# `npm run cluster:down` stops every process afterwards.
#
# The overlay's dagRepo is a GitHub URL the demo cannot assume it reaches: it
# deploys a copy of this checkout's template and DAGs (.cluster/demo, a git
# repository of its own) whose dagRepo is that folder, pinned with `bump`.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
namespace=airflow-local
ui=127.0.0.1:8080

echo "== npm packages"
npm ci --no-audit --no-fund --loglevel=error
export PATH="$root/node_modules/.bin:$PATH"

echo "== Debian packages and the Airflow venv"
bash scripts/debian-packages.sh
bash scripts/setup-airflow-venv.sh

echo "== local control plane and process runtime"
bash hack/cluster/build.sh
bash hack/cluster/up.sh
export KUBECONFIG="$root/.cluster/kubeconfig" PATH="$root/.cluster/bin:$PATH"
bash hack/runtime/up.sh "$namespace" -- --forward "$ui=$namespace/airflow-api-server:8080"

echo "== validate dags/"
node src/cli.ts validate dags

echo "== a DAG repository for the demo: .cluster/demo"
demo="$root/.cluster/demo"
rm -rf "$demo"
mkdir -p "$demo"
cp -r base components overlays dags "$demo/"
sed -i "s|^\(  dagRepo:\).*|\1 file://$demo|" "$demo/overlays/local/environment.yaml"
git_demo() { git -C "$demo" -c user.name=demo -c user.email=demo@example.invalid -c commit.gpgsign=false "$@"; }
git_demo init --quiet --initial-branch=main
git_demo add -A
git_demo commit --quiet -m "the template and its DAGs"
(cd "$demo" && node "$root/src/cli.ts" bump local --ref "$(git_demo rev-parse HEAD)")
git_demo commit --quiet -am "local: pin the DAGs"

echo "== deploy overlays/local"
start=$SECONDS
(cd "$demo" && node "$root/src/cli.ts" deploy local --timeout 600)
echo "deployed, every probe passing, in $((SECONDS - start)) s"

echo "== Airflow"
password="$(kubectl get secret -n "$namespace" airflow-admin -o jsonpath='{.data.password}' | base64 -d)"
token="$(curl -fsS -X POST -H 'content-type: application/json' \
  --data "{\"username\": \"admin\", \"password\": \"$password\"}" "http://$ui/auth/token" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')"
dags="$(curl -fsS -H "Authorization: Bearer $token" "http://$ui/api/v2/dags" |
  python3 -c 'import json, sys; print("\n".join("  " + d["dag_id"] for d in json.load(sys.stdin)["dags"]))')"
cat <<TEXT
UI:       http://$ui/
login:    admin
password: $password
DAGs:
$dags
Stop everything with: npm run cluster:down
TEXT
