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
import { configHashAnnotation } from './tracking.ts';
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
