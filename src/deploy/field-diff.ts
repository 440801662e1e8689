/**
 * A readable diff between a live object and what applying would make of it:
 * one line per changed field path, list items keyed by their `name` where
 * they have one. Server-managed fields are dropped first; Secret values are
 * never shown, only that they were set, changed or removed.
 */
import { clone, isRecord, type KubeObject } from '../objects.ts';
import { redacted } from '../secrets/mask.ts';
import { configHashAnnotation } from './tracking.ts';

export type FieldChange = { path: string; op: 'add' | 'remove' | 'change'; before?: unknown; after?: unknown };

const serverMetadata = ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation', 'selfLink'];
// Bookkeeping, not configuration: the server's revision counters and this project's config hash.
const serverAnnotations = ['deployment.kubernetes.io/revision', 'kubectl.kubernetes.io/last-applied-configuration', configHashAnnotation];

export function without(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}

/** Removes what the server maintains (status, managedFields, bookkeeping annotations). */
export function stripServerFields(object: KubeObject): KubeObject {
  const copy = clone(object);
  delete copy.status;
  copy.metadata = without(copy.metadata, serverMetadata) as KubeObject['metadata'];
  if (copy.metadata.annotations) {
    const annotations = without(copy.metadata.annotations, serverAnnotations) as Record<string, string>;
    if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
    else copy.metadata.annotations = annotations;
  }
  return copy;
}

function namedItems(list: unknown[]): Map<string, unknown> | undefined {
  const map = new Map<string, unknown>();
  for (const item of list) {
    if (!isRecord(item) || typeof item.name !== 'string' || map.has(item.name)) return undefined;
    map.set(item.name, item);
  }
  return map;
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const b = namedItems(before);
    const a = namedItems(after);
    if (b && a) {
      for (const name of new Set([...b.keys(), ...a.keys()])) walk(b.get(name), a.get(name), `${path}[name=${name}]`, out);
      return;
    }
    if (before.length === after.length) {
      before.forEach((item, i) => walk(item, after[i], `${path}[${i}]`, out));
      return;
    }
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (before === undefined) out.push({ path, op: 'add', after });
  else if (after === undefined) out.push({ path, op: 'remove', before });
  else out.push({ path, op: 'change', before, after });
}

/** A value at `path` of a Secret with its values replaced: a whole object (a create or delete) keeps its keys, not its values. */
function hideSecretValues(value: unknown, path: string): unknown {
  if (value === undefined) return undefined;
  if (/^(data|stringData)(\.|$)/.test(path)) {
    return path.includes('.') || !isRecord(value) ? redacted : Object.fromEntries(Object.keys(value).map((key) => [key, redacted]));
  }
  if (path === '' && isRecord(value)) {
    const copy = { ...value };
    for (const field of ['data', 'stringData']) if (copy[field] !== undefined) copy[field] = hideSecretValues(copy[field], field);
    return copy;
  }
  return value;
}

/** A change to a Secret value says that it changed, never what to. */
function hideSecretValue(change: FieldChange): FieldChange {
  const hidden: FieldChange = { path: change.path, op: change.op };
  if (change.before !== undefined) hidden.before = hideSecretValues(change.before, change.path);
  if (change.after !== undefined) hidden.after = hideSecretValues(change.after, change.path);
  return hidden;
}

/** Field changes from `live` (undefined for a new object) to `desired`, Secret values redacted. */
export function diffFields(live: KubeObject | undefined, desired: KubeObject): FieldChange[] {
  const out: FieldChange[] = [];
  walk(live ? stripServerFields(live) : undefined, stripServerFields(desired), '', out);
  return desired.kind === 'Secret' ? out.map(hideSecretValue) : out;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? 'null';
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function multiline(value: unknown): string[] | undefined {
  return typeof value === 'string' && value.includes('\n') ? value.split('\n') : undefined;
}

/** Line diff of two multi-line strings (ConfigMap files, scripts): removed lines with '-', added with '+'. */
function lineDiff(before: string[], after: string[]): string[] {
  const n = before.length;
  const m = after.length;
  if (n * m > 4_000_000) return [`- (${n} lines)`, `+ (${m} lines)`];
  // lcs[i * (m + 1) + j]: length of the longest common subsequence of before[i..] and after[j..].
  const lcs = new Int32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || at(i, j + 1) > at(i + 1, j))) out.push(`+ ${after[j++]}`);
    else out.push(`- ${before[i++]}`);
  }
  return out;
}

export function formatChanges(changes: FieldChange[], indent = '    '): string[] {
  const lines: string[] = [];
  for (const c of changes) {
    const before = multiline(c.before);
    const after = multiline(c.after);
    if (c.op === 'change' && before && after) {
      lines.push(`${indent}${c.path}:`, ...lineDiff(before, after).map((l) => `${indent}  ${l}`));
    } else if (c.op === 'add') lines.push(`${indent}+ ${c.path}: ${show(c.after)}`);
    else if (c.op === 'remove') lines.push(`${indent}- ${c.path}: ${show(c.before)}`);
    else lines.push(`${indent}~ ${c.path}: ${show(c.before)} -> ${show(c.after)}`);
  }
  return lines;
}

/**
 * `live` reduced to the fields `desired` sets (list items matched by name or
 * position): what a recreated object's diff should compare, since the server
 * fills in defaults, selectors and uids that a new object gets afresh anyway.
 */
export function projectOnto(live: unknown, desired: unknown): unknown {
  if (isRecord(live) && isRecord(desired)) {
    return Object.fromEntries(Object.keys(desired).filter((k) => k in live).map((k) => [k, projectOnto(live[k], desired[k])]));
  }
  if (Array.isArray(live) && Array.isArray(desired)) {
    const byName = namedItems(live);
    return desired.map((item, i) => {
      const match = byName && isRecord(item) && typeof item.name === 'string' ? byName.get(item.name) : live[i];
      return match === undefined ? undefined : projectOnto(match, item);
    }).filter((item) => item !== undefined);
  }
  return live;
}
