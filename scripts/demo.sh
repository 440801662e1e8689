#!/usr/bin/env bash
# The local demo, on a fresh machine: installs what it needs, starts the local
# control plane, validates the DAGs, deploys the `local` overlay to it and
# prints what is running. `npm run cluster:down` stops the cluster afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== npm packages"
npm ci --no-audit --no-fund --loglevel=error
export PATH="$PWD/node_modules/.bin:$PATH"

echo "== local control plane"
bash hack/cluster/build.sh
bash hack/cluster/up.sh
export KUBECONFIG="$PWD/.cluster/kubeconfig" PATH="$PWD/.cluster/bin:$PATH"

echo "== validate dags/"
node src/cli.ts validate dags

echo "== deploy overlays/local"
node src/cli.ts deploy local

echo "== result"
kubectl get statefulsets,deployments,jobs,pods,pvc -n airflow-local
