/**
 * A pod waiting for its volume only says "unbound immediate
 * PersistentVolumeClaims"; the reason (`storageclass "standard" not found`,
 * a provisioner error) is on the claim's own events. A failed wait adds the
 * events of every Pending claim of the namespace.
 */
import type { KubeClient } from '../kube/client.ts';
import { compareText, textAt, type KubeObject } from '../objects.ts';

type Event = { type?: string; reason?: string; message?: string; count?: number; lastTimestamp?: string; eventTime?: string; metadata?: { creationTimestamp?: string } };

async function claimEvents(client: KubeClient, namespace: string, name: string): Promise<string[]> {
  const list = await client.request<{ items?: Event[] }>('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`, {
    query: { fieldSelector: `involvedObject.kind=PersistentVolumeClaim,involvedObject.name=${name}` },
  });
  const when = (e: Event) => e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '';
  return (list.items ?? [])
    .sort((a, b) => compareText(when(a), when(b)))
    .slice(-5)
    .map((e) => `${e.type ?? ''} ${e.reason ?? ''}${e.count && e.count > 1 ? ` (x${e.count})` : ''}: ${e.message ?? ''}`.trim());
}

export async function pendingClaimEvents(client: KubeClient, namespace: string): Promise<string[]> {
  try {
    const list = await client.request<{ items?: KubeObject[] }>('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/persistentvolumeclaims`);
    const pending = (list.items ?? []).filter((c) => textAt(c.status, 'phase') === 'Pending');
    const out: string[] = [];
    for (const claim of pending) {
      const events = await claimEvents(client, namespace, claim.metadata.name);
      const storageClass = textAt(claim.spec, 'storageClassName') ?? '(default)';
      out.push(`  PersistentVolumeClaim ${namespace}/${claim.metadata.name} is Pending (StorageClass ${storageClass}):`, ...(events.length > 0 ? events : ['(no events)']).map((e) => `    ${e}`));
    }
    return out;
  } catch (error) {
    return [`  (claims unavailable: ${error instanceof Error ? error.message : String(error)})`];
  }
}
