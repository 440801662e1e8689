// The node the runtime plays the kubelet of: registered with a taint, so that
// only pods of the namespaces it owns land on it (their Namespace carries the
// PodNodeSelector and PodTolerationRestriction annotations, which the local
// API server enforces), kept Ready by a Lease renewed every 10 s as the
// kubelet does. kwok manages only the nodes annotated kwok.x-k8s.io/node=fake
// (hack/cluster/kwokctl.yaml), so it leaves this one alone.
import { cpus, totalmem } from 'node:os';
import type { KubeClient } from '../../src/kube/client.ts';
import { isNotFound } from '../../src/kube/errors.ts';

export const taintKey = 'airflow-gitops.dev/process-runtime';
const kubeletVersion = 'v1.35.4';

function nodeObject(name: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'airflow-gitops.dev/process-runtime': 'true' },
    },
    spec: { taints: [{ key: taintKey, value: 'true', effect: 'NoSchedule' }] },
  };
}

function nodeStatus(hostIP: string, name: string): Record<string, unknown> {
  const now = new Date().toISOString();
  const resources = { cpu: String(cpus().length), memory: `${Math.floor(totalmem() / 1024 / 1024)}Mi`, pods: '110', 'ephemeral-storage': '100Gi' };
  const condition = (type: string, status: string, reason: string) => ({ type, status, reason, lastHeartbeatTime: now, lastTransitionTime: now });
  return {
    status: {
      capacity: resources,
      allocatable: resources,
      addresses: [
        { type: 'InternalIP', address: hostIP },
        { type: 'Hostname', address: name },
      ],
      conditions: [
        condition('Ready', 'True', 'KubeletReady'),
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID'),
      ],
      nodeInfo: {
        kubeletVersion,
        kubeProxyVersion: kubeletVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
        containerRuntimeVersion: 'airflow-gitops-process-runtime://1',
        osImage: 'local processes',
        kernelVersion: '',
        machineID: '',
        systemUUID: '',
        bootID: '',
      },
    },
  };
}

const merge = { contentType: 'application/merge-patch+json' };

export async function registerNode(client: KubeClient, name: string, hostIP: string): Promise<void> {
  try {
    await client.request('POST', '/api/v1/nodes', { body: nodeObject(name) });
  } catch (error) {
    if (!String((error as Error).message).includes('already exists')) throw error;
  }
  await client.request('PATCH', `/api/v1/nodes/${name}/status`, { ...merge, body: nodeStatus(hostIP, name) });
}

/** Renews the node's Lease every 10 s and its status every minute, until `signal` aborts. */
export async function heartbeat(client: KubeClient, name: string, hostIP: string, signal: AbortSignal): Promise<void> {
  const path = `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${name}`;
  let rounds = 0;
  while (!signal.aborted) {
    const spec = { holderIdentity: name, leaseDurationSeconds: 40, renewTime: new Date().toISOString().replace('Z', '000Z') };
    try {
      await client.request('PATCH', path, { ...merge, body: { spec } });
    } catch (error) {
      if (!isNotFound(error)) console.error(`lease: ${(error as Error).message}`);
      else await client.request('POST', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases', { body: { metadata: { name }, spec } }).catch(() => {});
    }
    if (++rounds % 6 === 0) await client.request('PATCH', `/api/v1/nodes/${name}/status`, { ...merge, body: nodeStatus(hostIP, name) }).catch(() => {});
    await new Promise((r) => setTimeout(r, 10_000));
  }
}

/**
 * Puts `namespace`'s pods on this node: creates the Namespace when missing and
 * annotates it so that the API server adds the node selector and toleration
 * to every pod created in it.
 */
export async function claimNamespace(client: KubeClient, namespace: string, node: string): Promise<void> {
  const annotations = {
    'scheduler.alpha.kubernetes.io/node-selector': `kubernetes.io/hostname=${node}`,
    'scheduler.alpha.kubernetes.io/defaultTolerations': JSON.stringify([{ key: taintKey, operator: 'Exists', effect: 'NoSchedule' }]),
  };
  const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, annotations } };
  await client.request('PATCH', `/api/v1/namespaces/${namespace}`, {
    query: { fieldManager: 'process-runtime', force: true },
    contentType: 'application/apply-patch+yaml',
    body,
  });
}

export async function removeNode(client: KubeClient, name: string): Promise<void> {
  await client.request('DELETE', `/api/v1/nodes/${name}`).catch(() => {});
  await client.request('DELETE', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${name}`).catch(() => {});
}
