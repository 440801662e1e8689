#!/usr/bin/env bash
# Stops every process the local control plane started and removes its state
# (the built binaries stay). Each process is stopped by the PID it recorded,
# and the script fails if any of them is still alive afterwards.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# The process runtime first (hack/runtime/up.sh): it stops every process it
# runs for the cluster's pods and takes its addresses off the loopback.
runtime_pid_file="$cluster_dir/runtime/runtime.pid"
if [[ -f "$runtime_pid_file" ]]; then
  runtime_pid="$(cat "$runtime_pid_file")"
  kill "$runtime_pid" 2>/dev/null || true
  for _ in $(seq 600); do kill -0 "$runtime_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$runtime_pid" 2>/dev/null; then
    echo "local cluster: the process runtime (pid $runtime_pid) did not stop within 60 s" >&2
    exit 1
  fi
  rm -rf "$cluster_dir/runtime"
fi

pids=()
pid_dir="$KWOK_WORKDIR/clusters/$cluster_name/pids"
for f in "$pid_dir"/*.pid "$provisioner_pid_file"; do
  [[ -f "$f" ]] && pids+=("$(cat "$f")")
done

[[ -f "$provisioner_pid_file" ]] && kill "$(cat "$provisioner_pid_file")" 2>/dev/null || true
if [[ -d "$KWOK_WORKDIR/clusters/$cluster_name" ]]; then
  kwokctl delete cluster --name "$cluster_name" --kubeconfig "$kubeconfig" >/dev/null 2>&1 || true
fi
for pid in "${pids[@]}"; do
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
done
alive=()
for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
if ((${#alive[@]} > 0)); then
  echo "local cluster: processes still running: ${alive[*]}" >&2
  exit 1
fi
rm -rf "$KWOK_WORKDIR" "$kubeconfig" "$provisioner_pid_file"
echo "local cluster stopped (${#pids[@]} processes)"
