/**
 * Recognising, without a dry-run, an object that applying again would not
 * change. Server-side apply is deterministic in (live object, applied
 * configuration, field manager), so re-applying changes nothing when
 *  - the config hash on the live object equals the hash of the render, and
 *  - this project's managed-field set is exactly the one recorded right after
 *    its last apply. Any write by someone else to a field this project owns
 *    moves that field out of its set, so the fingerprint no longer matches.
 * Everything else (new, changed, touched by others, Secrets) gets a dry-run.
 */
import { createHash } from 'node:crypto';
import { partOfLabel } from './applyset.ts';
import { defaultFieldManager } from './settings.ts';
import { configHashAnnotation, environmentLabel } from './tracking.ts';
import { stableJson, type KubeObject } from '../objects.ts';

type ManagedFieldsEntry = { manager?: string; operation?: string; subresource?: string; apiVersion?: string; fieldsV1?: unknown; time?: string };

function entries(object: KubeObject): ManagedFieldsEntry[] {
  return (object.metadata.managedFields as ManagedFieldsEntry[] | undefined) ?? [];
}

/** Fingerprint of the fields `fieldManager` owns through apply on `live`, or undefined if it owns none. */
export function ownershipFingerprint(live: KubeObject, fieldManager: string): string | undefined {
  const entry = entries(live).find((e) => e.manager === fieldManager && e.operation === 'Apply' && !e.subresource);
  if (entry === undefined) return undefined;
  return createHash('sha256').update(stableJson({ apiVersion: entry.apiVersion, fields: entry.fieldsV1 })).digest('hex').slice(0, 32);
}

export function unchangedSinceLastApply(desired: KubeObject, live: KubeObject, recorded: string | undefined, fieldManager: string): boolean {
  const hash = desired.metadata.annotations?.[configHashAnnotation];
  if (hash === undefined || live.metadata.annotations?.[configHashAnnotation] !== hash) return false;
  if (live.metadata.deletionTimestamp !== undefined) return false;
  const fingerprint = ownershipFingerprint(live, fieldManager);
  return fingerprint !== undefined && fingerprint === recorded;
}

/** Live and predicted objects are the same write-wise: only managed-field timestamps may differ. */
export function sameObject(live: KubeObject, predicted: KubeObject): boolean {
  const withoutTimes = (o: KubeObject) => stableJson({ ...o, metadata: { ...o.metadata, managedFields: entries(o).map(({ time: _time, ...rest }) => rest) } });
  return withoutTimes(live) === withoutTimes(predicted);
}

/** Who this environment is, to tell its objects from another environment's. */
export type Owner = { inventoryId: string; fieldManager: string };

/**
 * The other environment (or ApplySet) that owns `live`, named for a message;
 * undefined when it is this environment's or nobody's. Owned means: its
 * part-of label names another inventory, or another field manager of this
 * tool has applied fields of it.
 */
export function foreignOwner(live: KubeObject, own: Owner): string | undefined {
  const partOf = live.metadata.labels?.[partOfLabel];
  if (partOf !== undefined && partOf !== own.inventoryId) {
    const environment = live.metadata.labels?.[environmentLabel];
    return environment ? `environment '${environment}' (its ${partOfLabel} label)` : `another ApplySet (${partOfLabel}: ${partOf})`;
  }
  const other = entries(live).find((e) => e.operation === 'Apply' && e.manager !== own.fieldManager && e.manager?.startsWith(`${defaultFieldManager}-`));
  return other ? `field manager "${other.manager}" of another environment` : undefined;
}

/**
 * The JSON patch that renames the field manager releases before per-environment
 * managers used (`airflow-gitops` alone) to this environment's, so that fields
 * dropped from the render are still removed; undefined when there is none to move.
 */
export function legacyManagerPatch(live: KubeObject, fieldManager: string): unknown[] | undefined {
  const all = entries(live);
  if (fieldManager === defaultFieldManager || all.some((e) => e.manager === fieldManager && e.operation === 'Apply')) return undefined;
  const index = all.findIndex((e) => e.manager === defaultFieldManager && e.operation === 'Apply' && !e.subresource);
  if (index < 0) return undefined;
  const path = `/metadata/managedFields/${index}/manager`;
  return [
    { op: 'test', path, value: defaultFieldManager },
    { op: 'replace', path, value: fieldManager },
  ];
}
