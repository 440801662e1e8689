#!/usr/bin/env bash
# Starts the process runtime in the background as a node of the local control
# plane (npm run cluster:up first) that owns the given namespaces, and returns
# once it is ready. Its state (volumes, pod folders, its pid) lives in
# .cluster/runtime and its log in .cluster/logs/runtime.log;
# hack/cluster/down.sh stops it with everything it runs.
#
#   bash hack/runtime/up.sh NAMESPACE... [-- extra main.ts options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
cluster_dir="${AIRFLOW_GITOPS_CLUSTER_DIR:-$repo_root/.cluster}"
state="$cluster_dir/runtime"
log="$cluster_dir/logs/runtime.log"
node_bin="$repo_root/node_modules/.bin/node"

if [[ -f "$state/runtime.pid" ]] && kill -0 "$(cat "$state/runtime.pid")" 2>/dev/null; then
  echo "process runtime already running (pid $(cat "$state/runtime.pid"))"
  exit 0
fi
args=()
while (($# > 0)); do
  if [[ "$1" == -- ]]; then shift; args+=("$@"); break; fi
  args+=(--namespace "$1")
  shift
done
mkdir -p "$state" "$(dirname "$log")"
nohup "$node_bin" "$here/main.ts" --kubeconfig "$cluster_dir/kubeconfig" --state "$state" --node process-runtime "${args[@]}" >"$log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  if grep -q 'process runtime ready' "$log"; then echo "process runtime ready (pid $pid, log $log)"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
cat "$log" >&2
echo "process runtime did not start" >&2
exit 1
