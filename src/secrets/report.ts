/**
 * The Secrets an environment uses, for the `secrets` command: every Secret
 * its pods read and every catalog Secret present, each key with where its
 * value came from and when it last changed. Built from names, annotations
 * and managed fields only: no value is ever part of a row.
 */
import { fieldAt, listAt, textAt, type KubeObject } from '../objects.ts';
import { secretCatalog } from './catalog.ts';
import { readOrigins } from './origin.ts';
import { referencedSecrets } from './references.ts';

export type SecretRow = { secret: string; key: string; origin: string; changed: string; readBy: string[] };

/** The managers that wrote `key` of the Secret's data, and the latest time one of them did. */
function writers(secret: KubeObject, key: string, ignore: string): { managers: string[]; time?: string } {
  const owning = listAt(secret.metadata.managedFields).filter((e) => textAt(e, 'manager') !== ignore && fieldAt(e, 'fieldsV1', 'f:data', `f:${key}`) !== undefined);
  const times = owning.map((e) => textAt(e, 'time')).filter((t): t is string => t !== undefined).sort();
  return { managers: [...new Set(owning.map((e) => textAt(e, 'manager') ?? 'unknown'))], time: times.at(-1) };
}

function rowsOf(name: string, live: KubeObject | undefined, readBy: string[], fieldManager: string): SecretRow[] {
  const catalogKeys = Object.keys(secretCatalog.find((s) => s.name === name)?.keys ?? {});
  if (live === undefined) return [{ secret: name, key: catalogKeys.join(', ') || '-', origin: 'missing', changed: '-', readBy }];
  const origins = readOrigins(live);
  const data = (live.data as Record<string, string> | undefined) ?? {};
  const created = typeof live.metadata.creationTimestamp === 'string' ? live.metadata.creationTimestamp : '-';
  return [...new Set([...Object.keys(data), ...catalogKeys])].sort().map((key) => {
    if (data[key] === undefined) return { secret: name, key, origin: 'missing', changed: '-', readBy };
    const recorded = origins[key];
    if (recorded !== undefined) return { secret: name, key, origin: recorded.origin, changed: recorded.changed, readBy };
    const w = writers(live, key, fieldManager);
    const origin = w.managers.length > 0 ? `by hand (${w.managers.join(', ')})` : 'by hand';
    return { secret: name, key, origin, changed: w.time ?? created, readBy };
  });
}

export function secretRows(rendered: KubeObject[], namespace: string, live: Map<string, KubeObject>, fieldManager: string): SecretRow[] {
  const refs = referencedSecrets(rendered);
  const names = new Set<string>();
  for (const key of refs.keys()) if (key.startsWith(`${namespace}/`)) names.add(key.slice(namespace.length + 1));
  for (const spec of secretCatalog) if (live.has(spec.name)) names.add(spec.name);
  return [...names].sort().flatMap((name) => rowsOf(name, live.get(name), refs.get(`${namespace}/${name}`) ?? [], fieldManager));
}

/** Names the Secrets whose rows are wanted: every one the render reads, and the catalog's. */
export function secretNamesToRead(rendered: KubeObject[], namespace: string): string[] {
  const names = new Set(secretCatalog.map((s) => s.name));
  for (const key of referencedSecrets(rendered).keys()) if (key.startsWith(`${namespace}/`)) names.add(key.slice(namespace.length + 1));
  return [...names].sort();
}

export function formatRows(rows: SecretRow[]): string[] {
  const header = { secret: 'SECRET', key: 'KEY', origin: 'ORIGIN', changed: 'LAST CHANGED', readBy: ['READ BY'] };
  const all = [header, ...rows];
  const width = (f: (r: SecretRow) => string) => Math.max(...all.map((r) => f(r).length));
  const ws = width((r) => r.secret);
  const wk = width((r) => r.key);
  const wo = width((r) => r.origin);
  const wc = width((r) => r.changed);
  return all.map((r) => `${r.secret.padEnd(ws)}  ${r.key.padEnd(wk)}  ${r.origin.padEnd(wo)}  ${r.changed.padEnd(wc)}  ${r.readBy.join(', ') || '-'}`.trimEnd());
}
