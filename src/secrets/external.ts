/**
 * The Secrets that External Secrets Operator writes for this render: the
 * target of each rendered ExternalSecret (spec.target.name, or the
 * ExternalSecret's own name when unset). The deploy neither generates nor
 * asks for their values.
 */
import type { KubeObject } from '../objects.ts';

function targetName(object: KubeObject): string | undefined {
  const spec = object.spec;
  if (typeof spec !== 'object' || spec === null) return object.metadata.name;
  const target = (spec as { target?: unknown }).target;
  if (typeof target !== 'object' || target === null) return object.metadata.name;
  const name = (target as { name?: unknown }).name;
  return typeof name === 'string' && name.length > 0 ? name : object.metadata.name;
}

export function externalSecretTargets(objects: KubeObject[]): Set<string> {
  const targets = new Set<string>();
  for (const object of objects) {
    if (object.kind !== 'ExternalSecret' || !object.apiVersion.startsWith('external-secrets.io/')) continue;
    const name = targetName(object);
    if (name !== undefined) targets.add(name);
  }
  return targets;
}
