/** Reads this environment's inventory: its parent ConfigMap and every live object carrying its part-of label. */
import type { KubeClient } from '../kube/client.ts';
import type { Discovery, ResourceInfo } from '../kube/discovery.ts';
import { partOfLabel, type Inventory, type InventoryRecord } from './applyset.ts';
import { getObject, listObjects } from '../kube/requests.ts';
import { objectKey, type KubeObject } from '../objects.ts';

export type LiveMember = { object: KubeObject; info: ResourceInfo };

/** Parent data key holding ownership fingerprints (see ownership.ts). */
export const fingerprintsKey = 'ownership-fingerprints';

export async function readParent(client: KubeClient, discovery: Discovery, inventory: Inventory): Promise<KubeObject | undefined> {
  const info = discovery.find({ apiVersion: 'v1', kind: 'ConfigMap' });
  if (!info) throw new Error('the cluster serves no ConfigMaps');
  return getObject(client, info, { metadata: { name: inventory.parentName, namespace: inventory.namespace } });
}

/** Parent data key holding, per workload, the pod template it last became Ready with (what --rollback restores). */
export const healthyTemplatesKey = 'healthy-templates';

function readDataMap<T>(parent: KubeObject | undefined, key: string): Map<string, T> {
  const raw = (parent?.data as Record<string, string> | undefined)?.[key];
  if (!raw) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(raw) as Record<string, T>));
  } catch {
    return new Map();
  }
}

export function readFingerprints(parent: KubeObject | undefined): Map<string, string> {
  return readDataMap<string>(parent, fingerprintsKey);
}

export function readHealthyTemplates(parent: KubeObject | undefined): Map<string, unknown> {
  return readDataMap<unknown>(parent, healthyTemplatesKey);
}

/**
 * Lists the members of each group-kind in each namespace (cluster-scoped kinds
 * once), concurrently. A kind no longer served (its CRD was removed) has no
 * objects left to prune and is skipped.
 */
export async function listMembers(
  client: KubeClient,
  discovery: Discovery,
  inventory: Inventory,
  groupKinds: string[],
  namespaces: string[],
): Promise<Map<string, LiveMember>> {
  const selector = `${partOfLabel}=${inventory.id}`;
  const lists: Promise<LiveMember[]>[] = [];
  for (const gk of groupKinds) {
    const info = discovery.findGroupKind(gk);
    if (!info) continue;
    const scopes = info.namespaced ? namespaces : [undefined];
    for (const ns of scopes) lists.push(listObjects(client, info, ns, selector).then((items) => items.map((object) => ({ object, info }))));
  }
  const members = new Map<string, LiveMember>();
  for (const list of await Promise.all(lists)) for (const member of list) members.set(objectKey(member.object), member);
  return members;
}

/**
 * Members of everything the previous deploy recorded that `listed` (the
 * current render's kinds and namespaces) did not cover yet.
 */
export async function listRemainingMembers(
  client: KubeClient,
  discovery: Discovery,
  inventory: Inventory,
  previous: InventoryRecord,
  listed: { groupKinds: string[]; namespaces: string[] },
): Promise<Map<string, LiveMember>> {
  const newKinds = previous.groupKinds.filter((gk) => !listed.groupKinds.includes(gk));
  const newNamespaces = previous.namespaces.filter((ns) => !listed.namespaces.includes(ns));
  const namespacedListed = listed.groupKinds.filter((gk) => discovery.findGroupKind(gk)?.namespaced);
  const parts = await Promise.all([
    newKinds.length > 0 ? listMembers(client, discovery, inventory, newKinds, [...listed.namespaces, ...newNamespaces]) : new Map<string, LiveMember>(),
    newNamespaces.length > 0 ? listMembers(client, discovery, inventory, namespacedListed, newNamespaces) : new Map<string, LiveMember>(),
  ]);
  return new Map([...parts[0], ...parts[1]]);
}
