/** Which Secrets the rendered pods read, and from which object, so missing ones are named before deploying. */
import { containersOf, describeObject, isRecord, podSpecOf, recordsIn, type KubeObject } from '../objects.ts';

/** Reads nested records without asserting their shape: a field that is not a record reads as absent. */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

function secretNames(pod: Record<string, unknown>): string[] {
  const names: unknown[] = [];
  for (const v of recordsIn(pod.volumes)) {
    names.push(at(v, 'secret', 'secretName'));
    for (const s of recordsIn(at(v, 'projected', 'sources'))) names.push(at(s, 'secret', 'name'));
  }
  for (const c of containersOf(pod)) {
    for (const e of recordsIn(c.env)) names.push(at(e, 'valueFrom', 'secretKeyRef', 'name'));
    for (const e of recordsIn(c.envFrom)) names.push(at(e, 'secretRef', 'name'));
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
