/**
 * Where each value of a managed Secret came from and when it last changed,
 * kept in one annotation on the Secret itself (never the value): `given`
 * (an AIRFLOW_GITOPS_* variable), `generated` (by a deploy), `by hand` (found
 * in the cluster, made with kubectl or another tool). The time moves only
 * when the value does, so an unchanged Secret is written unchanged.
 */
import type { KubeObject } from '../objects.ts';

export const originAnnotation = 'airflow-gitops/secret-origin';

export type Origin = 'given' | 'generated' | 'by hand';
export type KeyOrigin = { origin: Origin; changed: string };
export type Origins = Record<string, KeyOrigin>;

const origins = new Set<string>(['given', 'generated', 'by hand']);

function isKeyOrigin(value: unknown): value is KeyOrigin {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.origin === 'string' && origins.has(entry.origin) && typeof entry.changed === 'string';
}

/** The recorded origins of a live Secret; an unreadable annotation counts as none. */
export function readOrigins(secret: KubeObject | undefined): Origins {
  const text = secret?.metadata.annotations?.[originAnnotation];
  if (text === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => isKeyOrigin(v))) as Origins;
  } catch {
    return {};
  }
}

/** When a Secret made outside this tool was created: the best "last changed" it offers. */
function createdAt(secret: KubeObject | undefined, now: string): string {
  const created = secret?.metadata.creationTimestamp;
  return typeof created === 'string' ? created : now;
}

/**
 * The origin of one key after this deploy: a changed value takes this
 * deploy's source and time; an unchanged one keeps its record. Without a
 * record, the value was there before origins were kept: `unrecorded` says
 * what it most likely was (generated, when this tool made the Secret; else by
 * hand).
 */
export function nextOrigin(recorded: KeyOrigin | undefined, changed: boolean, source: Origin, live: KubeObject | undefined, now: string, unrecorded: Origin): KeyOrigin {
  if (changed) return { origin: source, changed: now };
  if (recorded !== undefined) return source === 'given' && recorded.origin !== 'given' ? { origin: 'given', changed: recorded.changed } : recorded;
  return { origin: source === 'given' ? 'given' : unrecorded, changed: createdAt(live, now) };
}

export function originText(all: Origins): string {
  return JSON.stringify(Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
