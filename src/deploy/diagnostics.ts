/**
 * What a person needs to see when a workload fails: the events of its pods and
 * the last lines each container logged. Logs come through the kubelet, which
 * some clusters (fake nodes, restricted networks) cannot reach: that is said
 * plainly instead of failing the report.
 */
import type { KubeClient } from '../kube/client.ts';
import { KubeApiError } from '../kube/errors.ts';
import { compareText, containerStatusesOf, count, isRecord, podSpecOf, recordsIn, type KubeObject } from '../objects.ts';

type Event = { type?: string; reason?: string; message?: string; count?: number; lastTimestamp?: string; eventTime?: string; metadata?: { creationTimestamp?: string } };
type ContainerStatus = { name: string; restartCount?: number };

const maxPods = 3;

async function eventsOf(client: KubeClient, namespace: string | undefined, kind: string, name: string): Promise<string[]> {
  const ns = encodeURIComponent(namespace ?? 'default');
  const list = await client.request<{ items?: Event[] }>('GET', `/api/v1/namespaces/${ns}/events`, {
    query: { fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` },
  });
  const when = (e: Event) => e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '';
  return (list.items ?? [])
    .sort((a, b) => compareText(when(a), when(b)))
    .slice(-10)
    .map((e) => `${e.type ?? ''} ${e.reason ?? ''}${e.count && e.count > 1 ? ` (x${e.count})` : ''}: ${e.message ?? ''}`.trim());
}

async function containerLog(client: KubeClient, pod: KubeObject, container: ContainerStatus, lines: number): Promise<string[]> {
  const ns = encodeURIComponent(pod.metadata.namespace ?? 'default');
  const path = `/api/v1/namespaces/${ns}/pods/${encodeURIComponent(pod.metadata.name)}/log`;
  // A crashed container's useful output is in its previous run.
  const previous = (container.restartCount ?? 0) > 0;
  try {
    const text = await client.requestText('GET', path, { query: { container: container.name, tailLines: lines, previous } });
    const out = text.split('\n').filter((l) => l.length > 0);
    return out.length > 0 ? out : ['(no log lines)'];
  } catch (error) {
    if (error instanceof KubeApiError) return [`(logs unavailable: ${error.message})`];
    throw error;
  }
}

/** Events of the PVCs a pod mounts: a claim that cannot bind (no such StorageClass) says why only there. */
async function claimEvents(client: KubeClient, pod: KubeObject): Promise<string[]> {
  const claims = recordsIn(podSpecOf(pod)?.volumes)
    .map((v) => (isRecord(v.persistentVolumeClaim) ? v.persistentVolumeClaim.claimName : undefined))
    .filter((c): c is string => typeof c === 'string');
  const out: string[] = [];
  for (const claim of claims) {
    const events = await eventsOf(client, pod.metadata.namespace, 'PersistentVolumeClaim', claim).catch(() => []);
    if (events.length > 0) out.push(`    events of its PersistentVolumeClaim ${claim}:`, ...events.map((e) => `      ${e}`));
  }
  return out;
}

export async function describePods(client: KubeClient, pods: KubeObject[], logLines = 20): Promise<string[]> {
  const out: string[] = [];
  for (const pod of pods.slice(0, maxPods)) {
    out.push(`  pod ${pod.metadata.namespace}/${pod.metadata.name}:`);
    const events = await eventsOf(client, pod.metadata.namespace, 'Pod', pod.metadata.name).catch((e: unknown) => [`(events unavailable: ${(e as Error).message})`]);
    out.push('    events:', ...(events.length > 0 ? events : ['(none)']).map((e) => `      ${e}`));
    out.push(...(await claimEvents(client, pod)));
    const containers = containerStatusesOf(pod).map((c) => ({ name: String(c.name), restartCount: count(c.restartCount) }));
    for (const container of containers) {
      const log = await containerLog(client, pod, container, logLines);
      out.push(`    logs of ${container.name}${(container.restartCount ?? 0) > 0 ? ' (previous run)' : ''}:`, ...log.map((l) => `      ${l}`));
    }
  }
  if (pods.length > maxPods) out.push(`  (${pods.length - maxPods} more pods not shown)`);
  return out;
}
