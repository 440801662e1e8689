// Command local-provisioner gives volumes to the PersistentVolumeClaims of the
// local cluster. Its nodes are kwok fakes, so no CSI driver can run there; this
// takes a dynamic provisioner's place: for each pending claim of a storage
// class that names it, it creates a PersistentVolume already pointing at the
// claim, and kube-controller-manager's own PV controller completes the binding.
// Volumes released by a deleted claim are deleted when the class says Delete.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	storagev1 "k8s.io/api/storage/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/klog/v2"
)

const (
	provisionedByAnnotation = "pv.kubernetes.io/provisioned-by"
	selectedNodeAnnotation  = "volume.kubernetes.io/selected-node"
)

type provisioner struct {
	name     string
	hostRoot string
	client   kubernetes.Interface
	classes  func(name string) (*storagev1.StorageClass, error)
}

func main() {
	kubeconfig := flag.String("kubeconfig", "", "path of the cluster's kubeconfig")
	name := flag.String("provisioner", "airflow-gitops.local/hostpath", "provisioner name that storage classes refer to")
	hostRoot := flag.String("host-root", "/var/lib/local-provisioner", "directory recorded as the volumes' hostPath")
	flag.Parse()

	config, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		klog.Fatalf("reading kubeconfig %q: %v", *kubeconfig, err)
	}
	client := kubernetes.NewForConfigOrDie(config)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	factory := informers.NewSharedInformerFactory(client, 30*time.Second)
	classLister := factory.Storage().V1().StorageClasses().Lister()
	p := &provisioner{name: *name, hostRoot: *hostRoot, client: client, classes: classLister.Get}

	claims := factory.Core().V1().PersistentVolumeClaims().Informer()
	_, _ = claims.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj any) { p.provisionFor(ctx, obj) },
		UpdateFunc: func(_, obj any) { p.provisionFor(ctx, obj) },
	})
	volumes := factory.Core().V1().PersistentVolumes().Informer()
	_, _ = volumes.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj any) { p.reclaim(ctx, obj) },
		UpdateFunc: func(_, obj any) { p.reclaim(ctx, obj) },
	})

	factory.Start(ctx.Done())
	factory.WaitForCacheSync(ctx.Done())
	klog.Infof("provisioning volumes for storage classes with provisioner %q", p.name)
	<-ctx.Done()
}

func (p *provisioner) provisionFor(ctx context.Context, obj any) {
	claim, ok := obj.(*corev1.PersistentVolumeClaim)
	if !ok || claim.Spec.VolumeName != "" || claim.Status.Phase != corev1.ClaimPending || claim.DeletionTimestamp != nil {
		return
	}
	if claim.Spec.StorageClassName == nil {
		return
	}
	class, err := p.classes(*claim.Spec.StorageClassName)
	if err != nil || class.Provisioner != p.name {
		return
	}
	selectedNode := claim.Annotations[selectedNodeAnnotation]
	waitsForConsumer := class.VolumeBindingMode != nil && *class.VolumeBindingMode == storagev1.VolumeBindingWaitForFirstConsumer
	if waitsForConsumer && selectedNode == "" {
		return // the scheduler picks the node first
	}
	volume := p.volumeFor(claim, class, selectedNode)
	_, err = p.client.CoreV1().PersistentVolumes().Create(ctx, volume, metav1.CreateOptions{})
	switch {
	case err == nil:
		klog.Infof("created %s for claim %s/%s", volume.Name, claim.Namespace, claim.Name)
	case apierrors.IsAlreadyExists(err):
	default:
		klog.Errorf("creating volume for claim %s/%s: %v", claim.Namespace, claim.Name, err)
	}
}

func (p *provisioner) volumeFor(claim *corev1.PersistentVolumeClaim, class *storagev1.StorageClass, node string) *corev1.PersistentVolume {
	name := fmt.Sprintf("pvc-%s", claim.UID)
	reclaim := corev1.PersistentVolumeReclaimDelete
	if class.ReclaimPolicy != nil {
		reclaim = *class.ReclaimPolicy
	}
	hostPathType := corev1.HostPathDirectoryOrCreate
	volume := &corev1.PersistentVolume{
		ObjectMeta: metav1.ObjectMeta{
			Name:        name,
			Annotations: map[string]string{provisionedByAnnotation: p.name},
		},
		Spec: corev1.PersistentVolumeSpec{
			Capacity:                      corev1.ResourceList{corev1.ResourceStorage: claim.Spec.Resources.Requests[corev1.ResourceStorage]},
			AccessModes:                   claim.Spec.AccessModes,
			VolumeMode:                    claim.Spec.VolumeMode,
			StorageClassName:              class.Name,
			PersistentVolumeReclaimPolicy: reclaim,
			ClaimRef: &corev1.ObjectReference{
				Kind: "PersistentVolumeClaim", APIVersion: "v1",
				Namespace: claim.Namespace, Name: claim.Name, UID: claim.UID,
			},
			PersistentVolumeSource: corev1.PersistentVolumeSource{
				HostPath: &corev1.HostPathVolumeSource{Path: path.Join(p.hostRoot, name), Type: &hostPathType},
			},
		},
	}
	if node != "" {
		volume.Spec.NodeAffinity = &corev1.VolumeNodeAffinity{Required: &corev1.NodeSelector{
			NodeSelectorTerms: []corev1.NodeSelectorTerm{{MatchExpressions: []corev1.NodeSelectorRequirement{{
				Key: "kubernetes.io/hostname", Operator: corev1.NodeSelectorOpIn, Values: []string{node},
			}}}},
		}}
	}
	return volume
}

func (p *provisioner) reclaim(ctx context.Context, obj any) {
	volume, ok := obj.(*corev1.PersistentVolume)
	if !ok || volume.Annotations[provisionedByAnnotation] != p.name {
		return
	}
	if volume.Status.Phase != corev1.VolumeReleased || volume.Spec.PersistentVolumeReclaimPolicy != corev1.PersistentVolumeReclaimDelete {
		return
	}
	err := p.client.CoreV1().PersistentVolumes().Delete(ctx, volume.Name, metav1.DeleteOptions{})
	if err != nil && !apierrors.IsNotFound(err) {
		klog.Errorf("deleting released volume %s: %v", volume.Name, err)
	}
}
