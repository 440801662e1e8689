#!/usr/bin/env bash
# Rewrites the wrapper modules under modules/ to the versions in versions.env.
# k8s.io/kubernetes names its staging modules by relative path; each is
# replaced by its published twin v0.<minor>.<patch>, which is what makes the
# module buildable from the Go module proxy.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/versions.env"

kube="$here/modules/kubernetes"
staging_version="v0.${KUBERNETES_VERSION#v1.}"
mod_file="$(go env GOMODCACHE)/cache/download/k8s.io/kubernetes/@v/${KUBERNETES_VERSION}.mod"
(cd "$kube" && go mod download "k8s.io/kubernetes@${KUBERNETES_VERSION}")
(
  cd "$kube"
  go mod edit -dropreplace=k8s.io/kubernetes -require="k8s.io/kubernetes@${KUBERNETES_VERSION}"
  for module in $(grep -oE 'k8s.io/[a-z0-9-]+ => \./staging' "$mod_file" | cut -d' ' -f1); do
    go mod edit -replace="${module}=${module}@${staging_version}"
  done
  go mod tidy
)
(cd "$here/modules/etcd" && go mod edit -require="go.etcd.io/etcd/server/v3@${ETCD_VERSION}" && go mod tidy)
