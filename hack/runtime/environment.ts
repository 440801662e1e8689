// A container's environment as the kubelet builds it: envFrom sources in
// order (a later source overrides an earlier one, keys that are no valid
// variable name are skipped), then env entries in order, which override
// envFrom; $(VAR) in a value refers to a variable defined before it and $$
// escapes a dollar. command and args are expanded with the final environment.
import type { Container, DataObject, KeyRef, Pod } from './types.ts';

/** Reads ConfigMaps and Secrets of the pod's namespace (undefined when missing). */
export interface ObjectSource {
  configMap(name: string): Promise<DataObject | undefined>;
  secret(name: string): Promise<DataObject | undefined>;
}

const validName = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Kubernetes' $(VAR) expansion: undefined references stay as written. */
export function expand(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([^)]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    return name !== undefined && name in env ? (env[name] ?? '') : match;
  });
}

function decoded(object: DataObject, secret: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(object.data ?? {})) out[k] = secret ? Buffer.from(v, 'base64').toString('utf8') : v;
  return out;
}

async function keyValue(source: ObjectSource, ref: KeyRef, secret: boolean, where: string): Promise<string | undefined> {
  const object = secret ? await source.secret(ref.name) : await source.configMap(ref.name);
  const value = object ? decoded(object, secret)[ref.key] : undefined;
  if (value === undefined && !ref.optional) {
    throw new Error(`${where}: ${secret ? 'Secret' : 'ConfigMap'} ${ref.name} has no key ${ref.key} (CreateContainerConfigError)`);
  }
  return value;
}

function fieldValue(pod: Pod, podIP: string, hostIP: string, path: string): string {
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'status.podIP': podIP,
    'status.hostIP': hostIP,
  };
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label) return (label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2] ?? ''] ?? '';
  return fields[path] ?? '';
}

export async function containerEnv(pod: Pod, container: Container, source: ObjectSource, podIP: string, hostIP: string): Promise<Record<string, string>> {
  const where = `pod ${pod.metadata.name} container ${container.name}`;
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const secret = from.secretRef !== undefined;
    const ref = from.secretRef ?? from.configMapRef;
    if (!ref) continue;
    const object = secret ? await source.secret(ref.name) : await source.configMap(ref.name);
    if (!object) {
      if (ref.optional) continue;
      throw new Error(`${where}: ${secret ? 'Secret' : 'ConfigMap'} ${ref.name} not found (CreateContainerConfigError)`);
    }
    for (const [k, v] of Object.entries(decoded(object, secret))) {
      const name = (from.prefix ?? '') + k;
      if (validName.test(name)) env[name] = v;
    }
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    let value: string | undefined;
    if (from?.secretKeyRef) value = await keyValue(source, from.secretKeyRef, true, where);
    else if (from?.configMapKeyRef) value = await keyValue(source, from.configMapKeyRef, false, where);
    else if (from?.fieldRef) value = fieldValue(pod, podIP, hostIP, from.fieldRef.fieldPath);
    else value = expand(variable.value ?? '', env);
    if (value !== undefined) env[variable.name] = value;
  }
  return env;
}
