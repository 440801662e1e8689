/** Which Secrets the rendered pods read, and from which object, so missing ones are named before deploying. */
import { describeObject, type KubeObject } from '../objects.ts';

type PodSpec = {
  volumes?: { secret?: { secretName?: string }; projected?: { sources?: { secret?: { name?: string } }[] } }[];
  containers?: Container[];
  initContainers?: Container[];
};
type Container = {
  env?: { valueFrom?: { secretKeyRef?: { name?: string } } }[];
  envFrom?: { secretRef?: { name?: string } }[];
};

function podSpecOf(object: KubeObject): PodSpec | undefined {
  const spec = object.spec as Record<string, unknown> | undefined;
  if (object.kind === 'Pod') return spec as PodSpec;
  if (object.kind === 'CronJob') {
    return ((spec?.jobTemplate as { spec?: { template?: { spec?: PodSpec } } })?.spec?.template?.spec);
  }
  return (spec?.template as { spec?: PodSpec } | undefined)?.spec;
}

function secretNames(pod: PodSpec): string[] {
  const names: (string | undefined)[] = [];
  for (const v of pod.volumes ?? []) {
    names.push(v.secret?.secretName);
    for (const s of v.projected?.sources ?? []) names.push(s.secret?.name);
  }
  for (const c of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
    for (const e of c.env ?? []) names.push(e.valueFrom?.secretKeyRef?.name);
    for (const e of c.envFrom ?? []) names.push(e.secretRef?.name);
  }
  return names.filter((n): n is string => typeof n === 'string' && n.length > 0);
}

/** Secret name -> the objects (by description) whose pods read it, per namespace "ns/name". */
export function referencedSecrets(objects: KubeObject[]): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  for (const object of objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    for (const name of new Set(secretNames(pod))) {
      const key = `${object.metadata.namespace ?? ''}/${name}`;
      refs.set(key, [...(refs.get(key) ?? []), describeObject(object)]);
    }
  }
  return refs;
}
