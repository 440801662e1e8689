/**
 * --rollback: after a failed rollout, put back the pod template each changed
 * workload had before this deploy (what `kubectl rollout undo` does). The rest
 * of the object stays as rendered, under the same field manager, so the next
 * deploy simply tries the new template again.
 */
import type { KubeClient } from '../kube/client.ts';
import { clone, describeObject, objectKey, podTemplateOf, specOf, type KubeObject } from '../objects.ts';
import type { PlannedObject } from './plan.ts';
import { serverSideApply } from '../kube/requests.ts';

const rollable = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export function isRollable(object: KubeObject): boolean {
  return rollable.has(object.kind);
}

export function rollbackCandidates(written: PlannedObject[]): PlannedObject[] {
  return written.filter((i) => i.action === 'change' && isRollable(i.object) && i.live !== undefined);
}

/**
 * Puts back the template each workload last became Ready with (`healthy`, by
 * objectKey), or, for one never seen Ready, the template it had before this deploy.
 */
export async function rollBack(client: KubeClient, items: PlannedObject[], fieldManager: string, healthy: Map<string, unknown>): Promise<string[]> {
  await Promise.all(
    items.map((item) => {
      const previous = healthy.get(objectKey(item.object)) ?? (item.live ? podTemplateOf(item.live) : undefined);
      const body = clone(item.object);
      body.spec = { ...specOf(body), template: previous };
      return serverSideApply(client, item.info, body, { fieldManager, force: true, dryRun: false, metadataOnly: true });
    }),
  );
  return items.map((i) => describeObject(i.object));
}
