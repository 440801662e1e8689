#!/usr/bin/env bash
# Starts the local control plane (building what is missing) and returns when
# the API is ready, the fake nodes are Ready, volumes can be provisioned and
# the CRDs of .cluster/crds are established. Reuses a running one.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start=$SECONDS

if api_ready; then
  echo "local cluster already running: $kubeconfig"
  exit 0
fi
bash "$here/build.sh" >/dev/null
mkdir -p "$cluster_dir/logs"
# State left by a crashed run would make kwokctl refuse to create the cluster.
if [[ -d "$KWOK_WORKDIR/clusters/$cluster_name" ]]; then bash "$here/down.sh" >/dev/null; fi

kwokctl create cluster --name "$cluster_name" -c "$here/kwokctl.yaml" --quiet-pull \
  --kubeconfig "$kubeconfig" \
  --etcd-binary "$bin_dir/etcd" \
  --kube-apiserver-binary "$bin_dir/kube-apiserver" \
  --kube-controller-manager-binary "$bin_dir/kube-controller-manager" \
  --kube-scheduler-binary "$bin_dir/kube-scheduler" \
  --kwok-controller-binary "$bin_dir/kwok" \
  --wait 120s >"$cluster_dir/logs/kwokctl.log" 2>&1 ||
  { cat "$cluster_dir/logs/kwokctl.log" >&2; exit 1; }
kube config use-context "kwok-$cluster_name" >/dev/null

kwokctl scale node --name "$cluster_name" --replicas "${AIRFLOW_GITOPS_NODES:-2}" >>"$cluster_dir/logs/kwokctl.log" 2>&1

nohup "$bin_dir/local-provisioner" --kubeconfig "$kubeconfig" \
  >"$cluster_dir/logs/local-provisioner.log" 2>&1 &
echo $! >"$provisioner_pid_file"

kube apply --server-side --field-manager=local-cluster -f "$here/storage-class.yaml" >/dev/null
kube apply --server-side --field-manager=local-cluster -f "$here/ingress-class.yaml" >/dev/null
# The trailing slash: kubectl refuses a symbolic link to a folder without it.
kube apply --server-side --field-manager=local-cluster -f "$crd_dir/" >/dev/null
kube wait --for=condition=Established --timeout=60s crd --all >/dev/null
kube wait --for=condition=Ready --timeout=60s node --all >/dev/null
# Pods are rejected until the namespace's default ServiceAccount exists.
until kube get serviceaccount default -n default >/dev/null 2>&1; do sleep 0.2; done

echo "local cluster ready in $((SECONDS - start)) s: $kubeconfig"
