#!/usr/bin/env bash
# Builds the local control plane's binaries from their Go modules into
# .cluster/bin. Each binary is built only when missing or when its version
# stamp differs from versions.env; Go's build cache makes a rebuild after a
# fresh clone take minutes instead of the cold build's half hour.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$bin_dir"
export CGO_ENABLED=0

# stamp NAME VERSION: true when NAME was built at VERSION already.
built() { [[ -x "$bin_dir/$1" && "$(cat "$bin_dir/.$1.version" 2>/dev/null)" == "$2" ]]; }
stamp() { echo "$2" > "$bin_dir/.$1.version"; }
timed() { local start=$SECONDS; "$@"; echo "   built in $((SECONDS - start)) s"; }

check_pins() {
  grep -q "k8s.io/kubernetes ${KUBERNETES_VERSION}\$" "$here/modules/kubernetes/go.mod" &&
    grep -q "go.etcd.io/etcd/server/v3 ${ETCD_VERSION}\$" "$here/modules/etcd/go.mod" ||
    { echo "hack/cluster/modules/*/go.mod disagree with versions.env: run hack/cluster/pin.sh" >&2; exit 1; }
}

build_kubernetes() {
  local minor="${KUBERNETES_VERSION#v1.}"; minor="${minor%%.*}"
  local pkg=k8s.io/component-base/version
  local ldflags="-s -w -X $pkg.gitVersion=${KUBERNETES_VERSION} -X $pkg.gitMajor=1 -X $pkg.gitMinor=${minor}"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  ldflags+=" -X k8s.io/client-go/pkg/version.gitVersion=${KUBERNETES_VERSION}"
  ldflags+=" -X k8s.io/client-go/pkg/version.gitMajor=1 -X k8s.io/client-go/pkg/version.gitMinor=${minor}"
  (cd "$here/modules/kubernetes" && go build -trimpath -ldflags "$ldflags" -o "$bin_dir/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl ./localprovisioner)
  mv "$bin_dir/localprovisioner" "$bin_dir/local-provisioner"
}

build_etcd() {
  (cd "$here/modules/etcd" && go build -trimpath -ldflags "-s -w" -o "$bin_dir/etcd" .)
}

go_install() {
  GOBIN="$bin_dir" go install -trimpath -ldflags "-s -w" "$@"
}

check_pins
if ! built kube-apiserver "$KUBERNETES_VERSION" || ! built local-provisioner "$KUBERNETES_VERSION"; then
  echo "== kubernetes ${KUBERNETES_VERSION}: kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, local-provisioner"
  timed build_kubernetes
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl local-provisioner; do stamp "$b" "$KUBERNETES_VERSION"; done
fi
if ! built etcd "$ETCD_VERSION"; then
  echo "== etcd ${ETCD_VERSION}"
  timed build_etcd && stamp etcd "$ETCD_VERSION"
fi
if ! built kwok "$KWOK_VERSION" || ! built kwokctl "$KWOK_VERSION"; then
  echo "== kwok ${KWOK_VERSION}"
  timed go_install "sigs.k8s.io/kwok/cmd/kwok@${KWOK_VERSION}" "sigs.k8s.io/kwok/cmd/kwokctl@${KWOK_VERSION}"
  stamp kwok "$KWOK_VERSION"; stamp kwokctl "$KWOK_VERSION"
fi
if ! built kustomize "$KUSTOMIZE_VERSION"; then
  echo "== kustomize ${KUSTOMIZE_VERSION}"
  timed go_install "sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}" && stamp kustomize "$KUSTOMIZE_VERSION"
fi

# CRDs ship inside the projects' Go modules; the module cache keeps them.
if [[ ! -f "$crd_dir/.version" || "$(cat "$crd_dir/.version")" != "${CERT_MANAGER_VERSION} ${GATEWAY_API_VERSION}" ]]; then
  echo "== CRDs: cert-manager ${CERT_MANAGER_VERSION}, Gateway API ${GATEWAY_API_VERSION}"
  rm -rf "$crd_dir"; mkdir -p "$crd_dir"
  cm_dir="$(cd "$here/modules/etcd" && go mod download -json "github.com/cert-manager/cert-manager@${CERT_MANAGER_VERSION}" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  gw_dir="$(cd "$here/modules/etcd" && go mod download -json "sigs.k8s.io/gateway-api@${GATEWAY_API_VERSION}" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  cp "$cm_dir"/deploy/crds/cert-manager.io_*.yaml "$cm_dir"/deploy/crds/acme.cert-manager.io_*.yaml "$crd_dir/"
  cp "$gw_dir"/config/crd/standard/gateway.networking.k8s.io_*.yaml "$crd_dir/"
  chmod u+w "$crd_dir"/*.yaml
  echo "${CERT_MANAGER_VERSION} ${GATEWAY_API_VERSION}" > "$crd_dir/.version"
fi
# CRDs of the optional components (KEDA, External Secrets, Prometheus Operator)
# have a stamp of their own, so the block above (and older copies of this
# script sharing the folder) neither sees nor removes them; when the block
# above empties the folder, this one refills it.
addons_version="${KEDA_VERSION} ${EXTERNAL_SECRETS_VERSION} ${PROMETHEUS_OPERATOR_VERSION}"
if [[ ! -f "$crd_dir/.addons-version" || "$(cat "$crd_dir/.addons-version")" != "$addons_version" ]]; then
  echo "== CRDs: KEDA ${KEDA_VERSION}, External Secrets ${EXTERNAL_SECRETS_VERSION}, Prometheus Operator ${PROMETHEUS_OPERATOR_VERSION}"
  module_dir() { (cd "$here/modules/etcd" && go mod download -json "$1" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p'); }
  keda_dir="$(module_dir "github.com/kedacore/keda/v2@${KEDA_VERSION}")"
  eso_dir="$(module_dir "github.com/external-secrets/external-secrets@${EXTERNAL_SECRETS_VERSION}")"
  po_dir="$(module_dir "github.com/prometheus-operator/prometheus-operator@${PROMETHEUS_OPERATOR_VERSION}")"
  rm -f "$crd_dir"/keda.sh_*.yaml "$crd_dir"/external-secrets.io_*.yaml "$crd_dir"/monitoring.coreos.com_*.yaml
  cp "$keda_dir"/config/crd/bases/keda.sh_*.yaml "$crd_dir/"
  cp "$eso_dir"/config/crds/bases/external-secrets.io_*.yaml "$crd_dir/"
  cp "$po_dir"/example/prometheus-operator-crd/monitoring.coreos.com_{servicemonitors,podmonitors}.yaml "$crd_dir/"
  chmod u+w "$crd_dir"/*.yaml
  echo "$addons_version" > "$crd_dir/.addons-version"
fi
"$bin_dir/kube-apiserver" --version
