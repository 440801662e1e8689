/**
 * Apply order. Each phase is applied concurrently and, where it holds
 * workloads, waited for before the next begins: the migration Job needs the
 * database Ready, the Airflow components need the migrated schema.
 */
import type { KubeObject } from '../objects.ts';

export type PhaseName = 'cluster' | 'config' | 'databases' | 'migration' | 'workloads' | 'routes';

export const phaseOrder: PhaseName[] = ['cluster', 'config', 'databases', 'migration', 'workloads', 'routes'];

/** Lets a template place an object explicitly when the name-based guess below would be wrong. */
export const phaseAnnotation = 'airflow-gitops/phase';

const clusterKinds = new Set(['CustomResourceDefinition', 'Namespace']);
const workloadKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'CronJob', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']);
const routeKinds = new Set(['Ingress', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);
const databaseName = /(^|[-_.])(postgres|postgresql|redis)([-_.]|$)/;

function isDatabase(object: KubeObject): boolean {
  if (object.kind !== 'StatefulSet' && object.kind !== 'Deployment') return false;
  const labels = object.metadata.labels ?? {};
  const names = [object.metadata.name, labels['app.kubernetes.io/name'], labels['app.kubernetes.io/component']];
  return names.some((n) => n !== undefined && databaseName.test(n));
}

export function phaseOf(object: KubeObject): PhaseName {
  const explicit = object.metadata.annotations?.[phaseAnnotation];
  if (explicit !== undefined && (phaseOrder as string[]).includes(explicit)) return explicit as PhaseName;
  if (clusterKinds.has(object.kind)) return 'cluster';
  if (isDatabase(object)) return 'databases';
  if (object.kind === 'Job') return 'migration';
  if (workloadKinds.has(object.kind)) return 'workloads';
  if (routeKinds.has(object.kind)) return 'routes';
  // ConfigMaps, Secrets, ServiceAccounts, RBAC, Services, PVCs, policies and custom resources such as cert-manager Issuers.
  return 'config';
}

/** Kinds the deploy waits for after applying their phase. */
export function isWaitable(object: KubeObject): boolean {
  return ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(object.kind) && object.apiVersion.startsWith(object.kind === 'Job' ? 'batch/' : 'apps/');
}
