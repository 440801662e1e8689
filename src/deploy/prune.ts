/**
 * Prune: members of this environment's inventory that the render no longer
 * has. Secrets and PVCs hold data no render can bring back, so they are only
 * pruned when asked; Namespaces and CRDs are never pruned (deleting them
 * deletes everything inside them).
 */
import type { KubeClient } from '../kube/client.ts';
import type { LiveMember } from './inventory.ts';
import { compareText, describeObject, groupKind } from '../objects.ts';
import { phaseOf, phaseOrder } from './phases.ts';
import { deleteObject } from '../kube/requests.ts';

export type PruneOptions = { pruneSecrets: boolean; prunePvcs: boolean };
export type PrunePlan = { remove: LiveMember[]; keep: { member: LiveMember; reason: string }[] };

function protection(member: LiveMember, options: PruneOptions): string | undefined {
  const gk = groupKind(member.object);
  if (gk === 'Secret' && !options.pruneSecrets) return 'Secrets are kept unless --prune-secrets is given';
  if (gk === 'PersistentVolumeClaim' && !options.prunePvcs) return 'PVCs are kept unless --prune-pvcs is given';
  if (gk === 'Namespace') return 'Namespaces are never pruned';
  if (gk === 'CustomResourceDefinition.apiextensions.k8s.io') return 'CRDs are never pruned';
  return undefined;
}

export function planPrune(members: Map<string, LiveMember>, wanted: Set<string>, options: PruneOptions): PrunePlan {
  const plan: PrunePlan = { remove: [], keep: [] };
  for (const [key, member] of members) {
    if (wanted.has(key) || member.object.metadata.deletionTimestamp !== undefined) continue;
    const reason = protection(member, options);
    if (reason) plan.keep.push({ member, reason });
    else plan.remove.push(member);
  }
  // Reverse apply order: routes before workloads before their config.
  const rank = (m: LiveMember) => phaseOrder.indexOf(phaseOf(m.object));
  plan.remove.sort((a, b) => rank(b) - rank(a) || compareText(describeObject(a.object), describeObject(b.object)));
  return plan;
}

/** Deletes phase by phase (reverse order), each phase's objects concurrently. */
export async function executePrune(client: KubeClient, remove: LiveMember[]): Promise<string[]> {
  const deleted: string[] = [];
  for (const phase of [...phaseOrder].reverse()) {
    const batch = remove.filter((m) => phaseOf(m.object) === phase);
    await Promise.all(batch.map((m) => deleteObject(client, m.info, m.object, 'Background')));
    deleted.push(...batch.map((m) => describeObject(m.object)));
  }
  return deleted;
}
