/**
 * The inventory of one environment, ApplySet style (KEP-3659): every object the
 * environment applies carries `applyset.kubernetes.io/part-of: <id>`, and a
 * parent ConfigMap in the environment's namespace records which group-kinds
 * and namespaces to search. Prune lists only those, by that label, so objects
 * of other environments or other tools are never candidates.
 */
import { createHash } from 'node:crypto';
import { CommandFailure } from '../errors.ts';
import { compareText, groupKind, type KubeObject } from '../objects.ts';

export const partOfLabel = 'applyset.kubernetes.io/part-of';
export const idLabel = 'applyset.kubernetes.io/id';
export const toolingAnnotation = 'applyset.kubernetes.io/tooling';
export const groupKindsAnnotation = 'applyset.kubernetes.io/contains-group-kinds';
export const namespacesAnnotation = 'applyset.kubernetes.io/additional-namespaces';
export const tooling = 'airflow-gitops/v1';

export type Inventory = { id: string; parentName: string; namespace: string };

/** The ApplySet id of a ConfigMap parent: applyset-<base64url(sha256(name.namespace.ConfigMap.))>-v1. */
export function applysetId(parentName: string, namespace: string): string {
  const digest = createHash('sha256').update(`${parentName}.${namespace}.ConfigMap.`).digest('base64url');
  return `applyset-${digest}-v1`;
}

export function inventoryFor(environment: string, namespace: string): Inventory {
  const parentName = `airflow-gitops-${environment}`;
  return { id: applysetId(parentName, namespace), parentName, namespace };
}

/**
 * The namespace that holds the environment: the one given, else the single
 * rendered Namespace, else the namespace most rendered objects use.
 */
export function primaryNamespace(objects: KubeObject[], given: string | undefined): string {
  if (given) return given;
  const namespaces = objects.filter((o) => o.kind === 'Namespace' && o.apiVersion === 'v1');
  if (namespaces.length === 1 && namespaces[0]) return namespaces[0].metadata.name;
  const counts = new Map<string, number>();
  for (const o of objects) if (o.metadata.namespace) counts.set(o.metadata.namespace, (counts.get(o.metadata.namespace) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  if (best === undefined) throw new CommandFailure('the render has no namespaced object: set namespace: in the overlay or pass --namespace');
  return best[0];
}

export type InventoryRecord = { groupKinds: string[]; namespaces: string[] };

export function recordOf(objects: KubeObject[], primary: string): InventoryRecord {
  const groupKinds = [...new Set(objects.map(groupKind))].sort();
  const namespaces = [...new Set(objects.map((o) => o.metadata.namespace).filter((n): n is string => !!n && n !== primary))].sort();
  return { groupKinds, namespaces };
}

export function readRecord(parent: KubeObject | undefined): InventoryRecord {
  const split = (value: string | undefined) => (value ? value.split(',').filter((s) => s.length > 0) : []);
  return {
    groupKinds: split(parent?.metadata.annotations?.[groupKindsAnnotation]),
    namespaces: split(parent?.metadata.annotations?.[namespacesAnnotation]),
  };
}

export function unionRecord(a: InventoryRecord, b: InventoryRecord): InventoryRecord {
  return {
    groupKinds: [...new Set([...a.groupKinds, ...b.groupKinds])].sort(),
    namespaces: [...new Set([...a.namespaces, ...b.namespaces])].sort(),
  };
}

export function sameRecord(a: InventoryRecord, b: InventoryRecord): boolean {
  return a.groupKinds.join(',') === b.groupKinds.join(',') && a.namespaces.join(',') === b.namespaces.join(',');
}

/** The parent object as applied: labels identify the set, annotations say where its members are. */
export function parentObject(inventory: Inventory, record: InventoryRecord, labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: inventory.parentName,
      namespace: inventory.namespace,
      labels: { ...labels, [idLabel]: inventory.id },
      annotations: {
        [toolingAnnotation]: tooling,
        [groupKindsAnnotation]: record.groupKinds.join(','),
        [namespacesAnnotation]: record.namespaces.join(','),
      },
    },
  };
}

/** Refuses a parent that another tool (or another ApplySet tooling) owns. */
export function checkParentTooling(parent: KubeObject | undefined, inventory: Inventory): void {
  const found = parent?.metadata.annotations?.[toolingAnnotation];
  if (parent && found !== undefined && found !== tooling) {
    throw new CommandFailure(
      `ConfigMap ${inventory.namespace}/${inventory.parentName} is an ApplySet parent of '${found}', not ${tooling}: refusing to take over its inventory`,
    );
  }
}
