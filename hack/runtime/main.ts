// The process runtime: plays the kubelet of one node of the local control
// plane and runs the pods the cluster puts on it as local processes (see
// README.md in this folder for what it emulates and what it does not).
// Not emulated: isolation (namespaces, cgroups, securityContext, resource
// limits: processes share the machine and run as the runtime's user), real
// mounts (container paths are rewritten to the pod's folders), network
// namespaces (each pod binds an address of its own on the loopback), the
// kubelet API (logs, exec, port-forward), lifecycle hooks, grpc probes, and
// every image but apache/airflow, postgres, redis, git-sync, PgBouncer's and
// the statsd exporter's.
//
//   node hack/runtime/main.ts --kubeconfig FILE --state DIR [--node NAME]
//        [--namespace NS]... [--venv DIR]
//
// Each --namespace is claimed: its pods are placed on this node. Stops every
// process it started on SIGTERM or SIGINT.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect, createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { KubeClient } from '../../src/kube/client.ts';
import { isNotFound } from '../../src/kube/errors.ts';
import { loadClusterAuth } from '../../src/kube/kubeconfig.ts';
import type { ObjectSource } from './environment.ts';
import { Informer } from './informer.ts';
import { Addresses, ServiceNetwork } from './network.ts';
import { claimNamespace, heartbeat, registerNode, removeNode } from './node.ts';
import { PodWorker } from './pod.ts';
import type { DataObject, EndpointSlice, Pod, Service } from './types.ts';

const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string' },
    state: { type: 'string' },
    node: { type: 'string', default: 'process-runtime' },
    namespace: { type: 'string', multiple: true, default: [] },
    venv: { type: 'string', default: join(import.meta.dirname, '..', '..', '.venv', 'airflow') },
    // ADDRESS:PORT=NAMESPACE/SERVICE:PORT, e.g. 127.0.0.1:8080=airflow-local/airflow-api-server:8080
    forward: { type: 'string', multiple: true, default: [] },
  },
});
if (!values.kubeconfig || !values.state) throw new Error('usage: main.ts --kubeconfig FILE --state DIR [--node NAME] [--namespace NS]...');
const stateDir = resolve(values.state);
// Containers that run as another user (PostgreSQL, when the runtime is root)
// must reach their folders below it.
chmodSync(stateDir, 0o755);
const node = values.node;
const client = new KubeClient(await loadClusterAuth({ kubeconfig: values.kubeconfig, env: process.env }));
const addresses = new Addresses(stateDir);
const network = new ServiceNetwork(join(stateDir, 'network'), addresses);
const workers = new Map<string, PodWorker>();
const namespaces = new Set<string>(values.namespace);
const stop = new AbortController();

function sourceFor(namespace: string): ObjectSource {
  const get = async (kind: string, name: string) => {
    try {
      return await client.request<DataObject>('GET', `/api/v1/namespaces/${namespace}/${kind}/${name}`);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  return { configMap: (name) => get('configmaps', name), secret: (name) => get('secrets', name) };
}

function event(pod: Pod, container: string | undefined, reason: string, message: string, warning: boolean): void {
  const namespace = pod.metadata.namespace ?? 'default';
  const now = new Date().toISOString();
  const body = {
    metadata: { generateName: `${pod.metadata.name}.`, namespace },
    involvedObject: { kind: 'Pod', apiVersion: 'v1', namespace, name: pod.metadata.name, uid: pod.metadata.uid, ...(container ? { fieldPath: `spec.containers{${container}}` } : {}) },
    reason,
    message: message.slice(0, 1000),
    type: warning ? 'Warning' : 'Normal',
    source: { component: 'kubelet', host: node },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  void client.request('POST', `/api/v1/namespaces/${namespace}/events`, { body }).catch(() => {});
}

function forget(uid: string): void {
  workers.delete(uid);
  network.pods.delete(uid);
  addresses.release(uid);
  rmSync(join(stateDir, 'pods', uid), { recursive: true, force: true });
  network.refresh(namespaces);
}

function onPod(pod: Pod, deleted: boolean): void {
  const uid = pod.metadata.uid;
  const worker = workers.get(uid);
  if (deleted) {
    if (worker) void worker.halt().then(() => forget(uid));
    return;
  }
  if (worker) {
    worker.pod = pod;
    if (pod.metadata.deletionTimestamp) void worker.terminate().then(() => forget(uid));
    return;
  }
  // A pod that arrives while the runtime stops would start after the halt.
  if (stop.signal.aborted) return;
  if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
  const namespace = pod.metadata.namespace ?? 'default';
  namespaces.add(namespace);
  const podIP = addresses.allocate(uid);
  network.pods.set(uid, { pod, ip: podIP });
  network.refresh(namespaces);
  const started = new PodWorker(pod, { client, stateDir, venv: values.venv, hostIP: addresses.hostIP, podIP, hostsFile: network.hostsFile(namespace), source: sourceFor(namespace), event });
  workers.set(uid, started);
  void started.run().catch((error: Error) => event(pod, undefined, 'Failed', error.message, true));
}

/** Listens on a local address and passes each connection to a Service, as `kubectl port-forward svc/...` would. */
function forward(rule: string): void {
  const match = /^([\d.]+):(\d+)=([^/]+)\/([^:]+):(\d+)$/.exec(rule);
  if (!match) throw new Error(`--forward ${rule}: expected ADDRESS:PORT=NAMESPACE/SERVICE:PORT`);
  const [, host, port, namespace, service, servicePort] = match;
  createServer((socket) => {
    const target = network.serviceAddress(`${namespace}/${service}`);
    if (!target) {
      socket.destroy();
      return;
    }
    const upstream = connect(Number(servicePort), target);
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  }).listen(Number(port), host);
}

async function shutdown(): Promise<void> {
  stop.abort();
  await Promise.all([...workers.values()].map((w) => w.halt()));
  network.close();
  addresses.removeAll();
  await removeNode(client, node);
  rmSync(join(stateDir, 'runtime.pid'), { force: true });
  client.close();
  process.exit(0);
}

// A kubelet keeps running when one pod goes wrong: report, carry on.
process.on('uncaughtException', (error) => console.error(`runtime: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (error) => console.error(`runtime: ${String(error)}`));
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

await registerNode(client, node, addresses.hostIP);
for (const namespace of namespaces) await claimNamespace(client, namespace, node);
const services = new Informer<Service>(client, '/api/v1/services', {}, (s, deleted) => {
  const key = `${s.metadata.namespace}/${s.metadata.name}`;
  if (deleted) network.services.delete(key);
  else network.services.set(key, s);
  network.refresh(namespaces);
});
const slices = new Informer<EndpointSlice>(client, '/apis/discovery.k8s.io/v1/endpointslices', {}, (s, deleted) => {
  const key = `${s.metadata.namespace}/${s.metadata.name}`;
  if (deleted) network.slices.delete(key);
  else network.slices.set(key, s);
  network.refresh(namespaces);
});
await services.start();
await slices.start();
await new Informer<Pod>(client, '/api/v1/pods', { fieldSelector: `spec.nodeName=${node}` }, onPod).start();
void heartbeat(client, node, addresses.hostIP, stop.signal);
for (const rule of values.forward) forward(rule);
writeFileSync(join(stateDir, 'runtime.pid'), String(process.pid));
console.log(`process runtime ready: node ${node}, namespaces ${[...namespaces].join(', ') || '(none)'}, state ${stateDir}`);
