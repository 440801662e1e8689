/** The raw object shape the engine passes around, and how to name one in messages. */

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
};

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** "Deployment.apps", "ConfigMap": the group-kind spelling ApplySet annotations use. */
export function groupKind(object: Pick<KubeObject, 'apiVersion' | 'kind'>): string {
  const group = groupOf(object.apiVersion);
  return group === '' ? object.kind : `${object.kind}.${group}`;
}

/** A key unique per live object, stable across API versions of the same group. */
export function objectKey(object: KubeObject): string {
  return `${groupKind(object)}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/** "Deployment airflow/scheduler", "Namespace airflow": how objects are named in every message. */
export function describeObject(object: Pick<KubeObject, 'kind' | 'metadata'>): string {
  const ns = object.metadata.namespace;
  return `${object.kind} ${ns ? `${ns}/` : ''}${object.metadata.name}`;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** JSON with object keys sorted, so equal objects hash equally whatever the key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Code-point order: stable across locales, and without the cost of loading a collator. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value at `path` inside untyped JSON (an object's spec or status), or undefined: a read without a cast. */
export function fieldAt(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A string at `path`, or undefined when absent or of another type. */
export function textAt(value: unknown, ...path: (string | number)[]): string | undefined {
  const found = fieldAt(value, ...path);
  return typeof found === 'string' ? found : undefined;
}

/** A list at `path`, or an empty list. */
export function listAt(value: unknown, ...path: (string | number)[]): unknown[] {
  const found = fieldAt(value, ...path);
  return Array.isArray(found) ? found : [];
}

/** The mapping at `path` itself (not a copy), or a new empty one. */
export function recordAt(value: unknown, ...path: (string | number)[]): Record<string, unknown> {
  const found = fieldAt(value, ...path);
  return found !== null && typeof found === 'object' && !Array.isArray(found) ? (found as Record<string, unknown>) : {};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The records of a list field; anything else in it (or a field that is no list) is skipped. */
export function recordsIn(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** An object's spec, or an empty record when it has none (or a malformed one). */
export function specOf(object: KubeObject): Record<string, unknown> {
  return isRecord(object.spec) ? object.spec : {};
}

/** An object's status, or an empty record when the server has not written one yet. */
export function statusOf(object: KubeObject): Record<string, unknown> {
  return isRecord(object.status) ? object.status : {};
}

/** The pod template of a workload (a CronJob's through its Job template); undefined for kinds without one. */
export function podTemplateOf(object: KubeObject): Record<string, unknown> | undefined {
  const spec = specOf(object);
  if (object.kind === 'CronJob') {
    const jobTemplate = isRecord(spec.jobTemplate) ? spec.jobTemplate : {};
    const jobSpec = isRecord(jobTemplate.spec) ? jobTemplate.spec : {};
    return isRecord(jobSpec.template) ? jobSpec.template : undefined;
  }
  return isRecord(spec.template) ? spec.template : undefined;
}

/** The pod spec a workload's pods get (a Pod's own spec for a Pod). */
export function podSpecOf(object: KubeObject): Record<string, unknown> | undefined {
  if (object.kind === 'Pod') return isRecord(object.spec) ? object.spec : undefined;
  const template = podTemplateOf(object);
  return template && isRecord(template.spec) ? template.spec : undefined;
}

/** Containers of a pod spec, init containers first. */
export function containersOf(podSpec: Record<string, unknown> | undefined): Record<string, unknown>[] {
  return podSpec ? [...recordsIn(podSpec.initContainers), ...recordsIn(podSpec.containers)] : [];
}

/** A pod's container statuses, init containers first. */
export function containerStatusesOf(pod: KubeObject): Record<string, unknown>[] {
  const status = statusOf(pod);
  return [...recordsIn(status.initContainerStatuses), ...recordsIn(status.containerStatuses)];
}

/** The status conditions of an object. */
export function conditionsOf(object: KubeObject): { type?: string; status?: string; reason?: string; message?: string; lastTransitionTime?: string }[] {
  return recordsIn(statusOf(object).conditions).map((c) => ({
    type: text(c.type),
    status: text(c.status),
    reason: text(c.reason),
    message: text(c.message),
    lastTransitionTime: text(c.lastTransitionTime),
  }));
}

/** A string field, or undefined when it is absent or not a string. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A number field, or 0 when it is absent or not a number (status counters start absent). */
export function count(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
