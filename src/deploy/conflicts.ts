/** Turns a server-side apply conflict (409) into a message naming the other field managers and fields. */
import { KubeApiError } from '../kube/errors.ts';
import { describeObject, type KubeObject } from '../objects.ts';

export type FieldConflict = { manager: string; field: string };

export function fieldConflicts(error: unknown): FieldConflict[] | undefined {
  if (!(error instanceof KubeApiError) || error.status !== 409) return undefined;
  const conflicts = error.causes
    .filter((c) => c.reason === 'FieldManagerConflict')
    .map((c) => ({ manager: /conflict with "([^"]*)"/.exec(c.message ?? '')?.[1] ?? 'another field manager', field: c.field ?? '(unknown field)' }));
  return conflicts.length > 0 ? conflicts : undefined;
}

export function conflictMessage(object: KubeObject, conflicts: FieldConflict[]): string {
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c.field]);
  const owners = [...byManager.entries()].map(([manager, fields]) => `field manager "${manager}" owns ${fields.join(', ')}`);
  return `${describeObject(object)}: ${owners.join('; ')}. Another tool or a person changed these fields; rerun with --force-conflicts to take them over`;
}
