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
import type { KubeObject } from '../objects.ts';

export const secretsHashAnnotation = 'airflow-gitops/secrets-hash';

/** Kinds whose running pods keep an old value until they restart (Jobs and CronJobs read it anew each run). */
export const rollingKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

type KeyRef = { name: string; key?: string };
type Items = { items?: { key?: string }[] };
export type PodSpec = {
  volumes?: { secret?: { secretName?: string } & Items; projected?: { sources?: { secret?: { name?: string } & Items }[] } }[];
  containers?: Container[];
  initContainers?: Container[];
};
type Container = { name?: string; args?: string[]; env?: { valueFrom?: { secretKeyRef?: { name?: string; key?: string } } }[]; envFrom?: { secretRef?: { name?: string } }[] };

function volumeRefs(name: string | undefined, items: Items['items']): KeyRef[] {
  if (!name) return [];
  if (!items || items.length === 0) return [{ name }];
  return items.map((i) => ({ name, key: i.key }));
}

/** Every (Secret, key) a pod spec reads; no key means the whole Secret. */
export function secretKeyRefs(pod: PodSpec): KeyRef[] {
  const refs: KeyRef[] = [];
  for (const v of pod.volumes ?? []) {
    refs.push(...volumeRefs(v.secret?.secretName, v.secret?.items));
    for (const s of v.projected?.sources ?? []) refs.push(...volumeRefs(s.secret?.name, s.secret?.items));
  }
  for (const c of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref?.name) refs.push({ name: ref.name, key: ref.key });
    }
    for (const e of c.envFrom ?? []) if (e.secretRef?.name) refs.push({ name: e.secretRef.name });
  }
  return refs;
}

export function podTemplateOf(object: KubeObject): { metadata?: { annotations?: Record<string, string> }; spec?: PodSpec } | undefined {
  if (!rollingKinds.has(object.kind)) return undefined;
  const template = (object.spec as { template?: unknown } | undefined)?.template;
  return template !== null && typeof template === 'object' ? (template as { metadata?: { annotations?: Record<string, string> }; spec?: PodSpec }) : undefined;
}

/** The hash of what `pod` reads from the Secrets in `known` (name -> base64 data), or undefined when it reads none of them. */
export function secretsHash(pod: PodSpec, known: Map<string, Record<string, string>>): string | undefined {
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
