/**
 * destroy: removes what an environment applied, found through its inventory
 * (the parent ConfigMap and the part-of label), never anything else. Secrets
 * and PVCs (the environment's data: Fernet key, database volumes) are kept
 * unless asked, and with them the Namespace holding them; CRDs are never
 * deleted (other environments may use them). Without confirmation it only
 * says what it would do.
 */
import { CommandFailure } from '../errors.ts';
import type { KubeClient } from '../kube/client.ts';
import type { Discovery } from '../kube/discovery.ts';
import { connect } from '../kube/connect.ts';
import { deleteObject, listObjects } from '../kube/requests.ts';
import { describeObject, listAt, objectKey, textAt, type KubeObject } from '../objects.ts';
import { checkParentTooling, partOfLabel, readRecord, unionRecord } from './applyset.ts';
import { listMembers, readParent, type LiveMember } from './inventory.ts';
import { phaseOf, phaseOrder } from './phases.ts';
import { renderOverlay } from './render.ts';
import type { EngineSettings } from './settings.ts';

export type DestroySettings = EngineSettings & { confirm: boolean; deleteSecrets: boolean; deletePvcs: boolean };

export type DestroyResult = { environment: string; namespace: string; deleted: string[]; kept: string[]; confirmed: boolean; howToRemove: string[] };

type Kept = { member: LiveMember; reason: string };

function keepReason(object: KubeObject, settings: DestroySettings, keepsData: boolean): string | undefined {
  if (object.kind === 'Secret' && !settings.deleteSecrets) return 'Secrets are kept unless --delete-secrets';
  if (object.kind === 'PersistentVolumeClaim' && !settings.deletePvcs) return 'PVCs are kept unless --delete-pvcs';
  if (object.kind === 'CustomResourceDefinition') return 'CRDs are never deleted: other environments may use them';
  if (object.kind === 'Namespace' && keepsData) return 'it holds the kept Secrets and PVCs';
  return undefined;
}

/** PVCs a member StatefulSet made from its claim templates: they carry no label of the inventory. */
async function statefulSetClaims(client: KubeClient, discovery: Discovery, members: LiveMember[]): Promise<LiveMember[]> {
  const info = discovery.find({ apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
  const sets = members.filter((m) => m.object.kind === 'StatefulSet');
  if (!info || sets.length === 0) return [];
  const out: LiveMember[] = [];
  for (const ns of new Set(sets.map((s) => s.object.metadata.namespace))) {
    const claims = await listObjects(client, info, ns);
    for (const set of sets.filter((s) => s.object.metadata.namespace === ns)) {
      for (const t of listAt(set.object.spec, 'volumeClaimTemplates')) {
        const prefix = `${textAt(t, 'metadata', 'name') ?? ''}-${set.object.metadata.name}-`;
        out.push(...claims.filter((c) => c.metadata.name.startsWith(prefix) && /^\d+$/.test(c.metadata.name.slice(prefix.length))).map((object) => ({ object, info })));
      }
    }
  }
  return out;
}

function howToRemove(kept: Kept[], namespace: string, id: string): string[] {
  const lines: string[] = [];
  const labelled = (kind: string) => kept.some((k) => k.member.object.kind === kind && k.member.object.metadata.labels?.[partOfLabel] === id);
  if (labelled('Secret')) lines.push(`kubectl -n ${namespace} delete secret -l ${partOfLabel}=${id}   # or destroy again with --delete-secrets`);
  const claims = kept.filter((k) => k.member.object.kind === 'PersistentVolumeClaim').map((k) => k.member.object.metadata.name);
  if (claims.length > 0) lines.push(`kubectl -n ${namespace} delete pvc ${claims.join(' ')}   # deletes the data; or destroy again with --delete-pvcs`);
  const ns = kept.find((k) => k.member.object.kind === 'Namespace');
  if (ns) lines.push(`kubectl delete namespace ${ns.member.object.metadata.name}   # deletes everything left in it`);
  return lines;
}

async function deleteInOrder(client: KubeClient, remove: LiveMember[], log: (line: string) => void): Promise<string[]> {
  const deleted: string[] = [];
  // The reverse of the apply order: routes and workloads first, the Namespace last.
  for (const phase of [...phaseOrder].reverse()) {
    const inPhase = remove.filter((m) => phaseOf(m.object) === phase);
    const results = await Promise.allSettled(inPhase.map((m) => deleteObject(client, m.info, m.object, 'Background')));
    const failed: string[] = [];
    inPhase.forEach((m, i) => {
      const name = describeObject(m.object);
      const r = results[i];
      if (r?.status === 'fulfilled') {
        deleted.push(name);
        log(`deleted ${name}`);
      } else failed.push(`${name}: ${r?.reason instanceof Error ? r.reason.message : String(r?.reason)}`);
    });
    // What depends on an object that could not go stays too: stop here, and let a rerun continue.
    if (failed.length > 0) throw new CommandFailure(`destroy stopped after ${deleted.length} deletion(s); not deleted:\n${failed.map((f) => `  ${f}`).join('\n')}\nrerun destroy --yes to continue`);
  }
  return deleted;
}

export async function destroy(settings: DestroySettings, log: (line: string) => void): Promise<DestroyResult> {
  const [rendered, connection] = await Promise.all([renderOverlay(settings), connect(settings)]);
  try {
    const { client, discovery } = connection;
    const inventory = rendered.inventory;
    const parent = await readParent(client, discovery, inventory);
    if (parent === undefined) throw new CommandFailure(`nothing to destroy: no inventory ${inventory.parentName} in namespace ${inventory.namespace} (was ${settings.environment} ever deployed there?)`);
    checkParentTooling(parent, inventory);
    const record = unionRecord(readRecord(parent), { groupKinds: ['Secret'], namespaces: [] });
    const listed = await listMembers(client, discovery, inventory, record.groupKinds, [inventory.namespace, ...record.namespaces]);
    const members = [...listed.values()];
    const claims = (await statefulSetClaims(client, discovery, members)).filter((c) => !listed.has(objectKey(c.object)));
    const all = [...members, ...claims];
    const keepsData = all.some((m) => keepReason(m.object, settings, false) !== undefined && m.object.kind !== 'CustomResourceDefinition');
    const kept: Kept[] = [];
    const remove: LiveMember[] = [];
    for (const m of all) {
      const reason = keepReason(m.object, settings, keepsData);
      if (reason) kept.push({ member: m, reason });
      else remove.push(m);
    }
    const namespaceGoes = remove.some((m) => m.object.kind === 'Namespace' && m.object.metadata.name === inventory.namespace);
    const parentInfo = discovery.find({ apiVersion: 'v1', kind: 'ConfigMap' });
    if (!namespaceGoes && parentInfo) remove.push({ object: parent, info: parentInfo });
    const result: DestroyResult = {
      environment: settings.environment,
      namespace: inventory.namespace,
      deleted: [],
      kept: kept.map((k) => `${describeObject(k.member.object)}: ${k.reason}`),
      confirmed: settings.confirm,
      howToRemove: howToRemove(kept, inventory.namespace, inventory.id),
    };
    if (!settings.confirm) {
      result.deleted = remove.map((m) => describeObject(m.object));
      return result;
    }
    result.deleted = await deleteInOrder(client, remove, log);
    return result;
  } finally {
    connection.client.close();
  }
}
