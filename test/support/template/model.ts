// Typed views of the rendered objects the template tests look into.
import type { K8sObject } from './render.ts';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
  tcpSocket?: { port: string | number };
  periodSeconds?: number;
}

export interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  fsGroup?: number;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
  seccompProfile?: { type: string };
  procMount?: string;
}

export interface Container {
  name: string;
  image: string;
  args?: string[];
  command?: string[];
  restartPolicy?: string;
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number; hostPort?: number }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: SecurityContext;
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

export interface Volume {
  name: string;
  emptyDir?: { medium?: string; sizeLimit?: string };
  secret?: { secretName: string; defaultMode?: number; optional?: boolean; items?: { key: string; path: string; mode?: number }[] };
  configMap?: { name: string };
  persistentVolumeClaim?: { claimName: string };
  [type: string]: unknown;
}

export interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  securityContext?: SecurityContext & { sysctls?: unknown[] };
  initContainers?: Container[];
  containers: Container[];
  volumes?: Volume[];
}

export interface VolumeClaimTemplate {
  metadata: { name: string };
  spec: { accessModes: string[]; storageClassName?: string; resources: { requests: { storage: string } } };
}

export interface Workload extends K8sObject {
  spec: {
    replicas?: number;
    serviceName?: string;
    template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec };
    volumeClaimTemplates?: VolumeClaimTemplate[];
    persistentVolumeClaimRetentionPolicy?: { whenDeleted: string; whenScaled: string };
  };
}

export const workloadKinds = ['Deployment', 'StatefulSet', 'Job'];

export function workloads(objects: K8sObject[]): Workload[] {
  return objects.filter((o): o is Workload => workloadKinds.includes(o.kind));
}

export function find<T extends K8sObject = K8sObject>(objects: K8sObject[], kind: string, name: string): T {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (found === undefined) throw new Error(`no ${kind} ${name} in the rendered output`);
  return found as T;
}

export function workload(objects: K8sObject[], kind: string, name: string): Workload {
  return find<Workload>(objects, kind, name);
}

export function allContainers(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...spec.containers];
}

export function container(spec: PodSpec, name: string): Container {
  const found = allContainers(spec).find((c) => c.name === name);
  if (found === undefined) throw new Error(`no container ${name}`);
  return found;
}

export function envValue(c: Container, name: string): string | undefined {
  return c.env?.find((e) => e.name === name)?.value;
}

/** The data of the (hash-suffixed) ConfigMap generated as `name`. */
export function generatedConfigMap(objects: K8sObject[], name: string): { name: string; data: Record<string, string> } {
  const found = objects.filter((o) => o.kind === 'ConfigMap' && new RegExp(`^${name}-[a-z0-9]{10}$`).test(o.metadata.name));
  if (found.length !== 1 || found[0] === undefined) throw new Error(`expected one generated ConfigMap ${name}, found ${found.length}`);
  return { name: found[0].metadata.name, data: (found[0] as K8sObject & { data: Record<string, string> }).data };
}

/** The workloads whose pods read DAGs through git-sync. */
export const dagReaders: [kind: string, name: string][] = [
  ['Deployment', 'airflow-scheduler'],
  ['Deployment', 'airflow-dag-processor'],
  ['StatefulSet', 'airflow-triggerer'],
  ['StatefulSet', 'airflow-worker'],
];
