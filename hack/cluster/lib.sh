# Shared settings of the local control plane scripts. The cluster's state
# lives in one folder (.cluster by default), so a test can run a second,
# independent cluster in a temporary folder with the same binaries.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
cluster_dir="${AIRFLOW_GITOPS_CLUSTER_DIR:-$repo_root/.cluster}"
# Built binaries and CRDs; shared by every cluster started from this checkout.
build_dir="${AIRFLOW_GITOPS_BUILD_DIR:-$repo_root/.cluster}"
bin_dir="$build_dir/bin"
crd_dir="$build_dir/crds"
cluster_name="${AIRFLOW_GITOPS_CLUSTER_NAME:-airflow-gitops}"
kubeconfig="$cluster_dir/kubeconfig"
provisioner_pid_file="$cluster_dir/local-provisioner.pid"
export KWOK_WORKDIR="$cluster_dir/kwok"
export PATH="$bin_dir:$PATH"

kube() { "$bin_dir/kubectl" --kubeconfig "$kubeconfig" "$@"; }
api_ready() { [[ -f "$kubeconfig" ]] && kube get --raw /readyz >/dev/null 2>&1; }
