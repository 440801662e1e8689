/** Writes one phase of a plan: applies, and recreates what cannot change in place, concurrently. */
import type { KubeClient } from '../kube/client.ts';
import { conflictMessage, fieldConflicts } from './conflicts.ts';
import { KubeApiError } from '../kube/errors.ts';
import { CommandFailure } from '../errors.ts';
import { describeObject, type KubeObject } from '../objects.ts';
import type { PlannedObject } from './plan.ts';
import { deleteObject, jsonPatch, serverSideApply, waitUntilGone } from '../kube/requests.ts';
import { legacyManagerPatch } from './ownership.ts';
import { takesOver } from '../secrets/desired.ts';

export type WriteOptions = { fieldManager: string; force: boolean; onWrite: (line: string) => void };

async function writeOne(client: KubeClient, item: PlannedObject, options: WriteOptions): Promise<KubeObject> {
  const name = describeObject(item.object);
  if (item.action === 'recreate' && item.recreate) {
    const policy = item.recreate.strategy === 'orphan-and-create' ? 'Orphan' : 'Background';
    options.onWrite(`recreate ${name} (delete with ${policy.toLowerCase()} propagation, then create): ${item.recreate.reason}`);
    await deleteObject(client, item.info, item.object, policy);
    if (!(await waitUntilGone(client, item.info, item.object, 60_000))) throw new CommandFailure(`${name}: still being deleted after 60 s; not recreated`);
  }
  const legacy = item.live && item.action !== 'recreate' ? legacyManagerPatch(item.live, options.fieldManager) : undefined;
  if (legacy) await jsonPatch(client, item.info, item.object, legacy);
  try {
    const result = await serverSideApply(client, item.info, item.object, { fieldManager: options.fieldManager, force: options.force || takesOver(item.object), dryRun: false, metadataOnly: true });
    if (item.action !== 'recreate') options.onWrite(`${item.action === 'create' ? 'created' : 'changed'} ${name}`);
    return result;
  } catch (error) {
    const conflicts = fieldConflicts(error);
    if (conflicts) throw new CommandFailure(conflictMessage(item.object, conflicts));
    if (error instanceof KubeApiError) throw new CommandFailure(`${name}: the API server refused the write: ${error.message}`);
    throw error;
  }
}

/** Applies every item that changes; returns the live objects the server answered with, by item. */
export async function writePhase(client: KubeClient, items: PlannedObject[], options: WriteOptions): Promise<Map<PlannedObject, KubeObject>> {
  const writes = items.filter((i) => i.action !== 'unchanged');
  const results = await Promise.allSettled(writes.map((i) => writeOne(client, i, options)));
  const out = new Map<PlannedObject, KubeObject>();
  const failures: unknown[] = [];
  results.forEach((r, i) => (r.status === 'fulfilled' ? out.set(writes[i] as PlannedObject, r.value) : failures.push(r.reason)));
  if (failures.length > 0) {
    if (failures.length === 1) throw failures[0];
    throw new CommandFailure(failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n'));
  }
  return out;
}
