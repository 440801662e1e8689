/**
 * A Secret's new value reaches a pod only when the pod restarts. So each
 * workload's pod template carries a hash of exactly the Secret data its pods
 * read (the keys of env references, every key of envFrom and volumes): a
 * changed value changes that hash, the template changes, and the workload
 * rolls, while workloads reading other Secrets stay as they are. The hash is
 * salted and covers all the data a workload reads at once, so it names no
 * single value; the values themselves never leave the Secret.
 */
import { createHash } from 'node:crypto';
import { fieldAt, listAt, textAt, type KubeObject } from '../objects.ts';

export const secretsHashAnnotation = 'airflow-gitops/secrets-hash';

/** Kinds whose running pods keep an old value until they restart (Jobs and CronJobs read it anew each run). */
export const rollingKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export type KeyRef = { name: string; key?: string };

function volumeRefs(name: string | undefined, source: unknown): KeyRef[] {
  if (!name) return [];
  const items = listAt(source, 'items').map((i) => textAt(i, 'key')).filter((k): k is string => k !== undefined);
  return items.length === 0 ? [{ name }] : items.map((key) => ({ name, key }));
}

/** Every (Secret, key) a pod spec reads; no key means the whole Secret. */
export function secretKeyRefs(pod: unknown): KeyRef[] {
  const refs: KeyRef[] = [];
  for (const v of listAt(pod, 'volumes')) {
    refs.push(...volumeRefs(textAt(v, 'secret', 'secretName'), fieldAt(v, 'secret')));
    for (const s of listAt(v, 'projected', 'sources')) refs.push(...volumeRefs(textAt(s, 'secret', 'name'), fieldAt(s, 'secret')));
  }
  for (const c of [...listAt(pod, 'containers'), ...listAt(pod, 'initContainers')]) {
    for (const e of listAt(c, 'env')) {
      const name = textAt(e, 'valueFrom', 'secretKeyRef', 'name');
      if (name) refs.push({ name, key: textAt(e, 'valueFrom', 'secretKeyRef', 'key') });
    }
    for (const e of listAt(c, 'envFrom')) {
      const name = textAt(e, 'secretRef', 'name');
      if (name) refs.push({ name });
    }
  }
  return refs;
}

/** The pod spec of a rolling workload, or undefined for any other object. */
export function podSpecOf(object: KubeObject): unknown {
  return rollingKinds.has(object.kind) ? fieldAt(object.spec, 'template', 'spec') : undefined;
}

/** The secrets hash on a live workload's pod template, if any. */
export function liveSecretsHash(object: KubeObject): string | undefined {
  return textAt(object.spec, 'template', 'metadata', 'annotations', secretsHashAnnotation);
}

/** The hash of what `pod` reads from the Secrets in `known` (name -> base64 data), or undefined when it reads none of them. */
export function secretsHash(pod: unknown, known: Map<string, Record<string, string>>): string | undefined {
  const parts = new Map<string, string>();
  for (const ref of secretKeyRefs(pod)) {
    const data = known.get(ref.name);
    if (data === undefined) continue;
    const keys = ref.key !== undefined ? [ref.key] : Object.keys(data);
    for (const key of keys) parts.set(`${ref.name}\u0000${key}`, data[key] ?? '');
  }
  if (parts.size === 0) return undefined;
  const hash = createHash('sha256').update('airflow-gitops secrets-hash\n');
  for (const [k, v] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${k}\u0000${v}\u0000`);
  return hash.digest('hex').slice(0, 32);
}
