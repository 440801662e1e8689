/**
 * Preflight: what the overlay expects the cluster to have already, checked
 * before any write, in diff and deploy alike. A StorageClass, IngressClass,
 * GatewayClass or ClusterIssuer the render names, or a kind it uses, that the
 * cluster lacks would otherwise surface minutes later as a Pending PVC or a
 * certificate never issued. Each missing one is named with the overlay file
 * that names it. Classes the deploy's identity may not list are not judged.
 */
import type { KubeClient } from '../kube/client.ts';
import type { Discovery } from '../kube/discovery.ts';
import { KubeApiError } from '../kube/errors.ts';
import { listObjects } from '../kube/requests.ts';
import { describeObject, groupKind, type KubeObject } from '../objects.ts';
import { whereNamed } from '../overlays/mentions.ts';

type Need = { groupKind: string; what: string; name: string; by: KubeObject };

const clusterIssuerAnnotation = 'cert-manager.io/cluster-issuer';

type Claim = { spec?: { storageClassName?: string | null } };

function storageClassNeeds(object: KubeObject): Need[] {
  const need = (name: string | null | undefined): Need[] =>
    typeof name === 'string' && name !== '' ? [{ groupKind: 'StorageClass.storage.k8s.io', what: 'StorageClass', name, by: object }] : [];
  if (object.kind === 'PersistentVolumeClaim') return need((object as Claim).spec?.storageClassName);
  if (object.kind === 'StatefulSet') {
    const templates = (object.spec as { volumeClaimTemplates?: Claim[] } | undefined)?.volumeClaimTemplates ?? [];
    return templates.flatMap((t) => need(t.spec?.storageClassName));
  }
  return [];
}

function routeNeeds(object: KubeObject): Need[] {
  const needs: Need[] = [];
  const spec = object.spec as { ingressClassName?: string; gatewayClassName?: string; issuerRef?: { kind?: string; name?: string } } | undefined;
  if (object.kind === 'Ingress' && spec?.ingressClassName) needs.push({ groupKind: 'IngressClass.networking.k8s.io', what: 'IngressClass', name: spec.ingressClassName, by: object });
  if (object.kind === 'Gateway' && spec?.gatewayClassName) needs.push({ groupKind: 'GatewayClass.gateway.networking.k8s.io', what: 'GatewayClass', name: spec.gatewayClassName, by: object });
  const issuer = object.metadata.annotations?.[clusterIssuerAnnotation];
  if (issuer) needs.push({ groupKind: 'ClusterIssuer.cert-manager.io', what: 'ClusterIssuer', name: issuer, by: object });
  if (object.kind === 'Certificate' && spec?.issuerRef?.kind === 'ClusterIssuer' && spec.issuerRef.name) {
    needs.push({ groupKind: 'ClusterIssuer.cert-manager.io', what: 'ClusterIssuer', name: spec.issuerRef.name, by: object });
  }
  return needs;
}

/** Names of the objects of a cluster-scoped kind, or undefined when they cannot be listed (not allowed). */
async function existing(client: KubeClient, discovery: Discovery, gk: string): Promise<Set<string> | 'not served' | undefined> {
  const info = discovery.findGroupKind(gk);
  if (!info) return 'not served';
  try {
    return new Set((await listObjects(client, info, undefined)).map((o) => o.metadata.name));
  } catch (error) {
    if (error instanceof KubeApiError && (error.status === 403 || error.status === 401)) return undefined;
    throw error;
  }
}

function missingKinds(rendered: KubeObject[], discovery: Discovery): { object: KubeObject; gk: string }[] {
  const created = new Set(rendered.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => {
    const spec = o.spec as { group?: string; names?: { kind?: string } } | undefined;
    return `${spec?.names?.kind}.${spec?.group}`;
  }));
  return rendered.filter((o) => !discovery.find(o) && !created.has(groupKind(o))).map((object) => ({ object, gk: groupKind(object) }));
}

export type PreflightInput = { client: KubeClient; discovery: Discovery; rendered: KubeObject[]; overlayDir: string };

export async function preflight(input: PreflightInput): Promise<string[]> {
  const needs = input.rendered.flatMap((o) => [...storageClassNeeds(o), ...routeNeeds(o)]);
  const kinds = [...new Set(needs.map((n) => n.groupKind))];
  const found = new Map(await Promise.all(kinds.map(async (gk) => [gk, await existing(input.client, input.discovery, gk)] as const)));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const need of needs) {
    const names = found.get(need.groupKind);
    if (names === undefined || (names !== 'not served' && names.has(need.name))) continue;
    const key = `${need.what}/${need.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = whereNamed(input.overlayDir, need.name);
    const cause = names === 'not served' ? `the cluster does not serve ${need.what} (its CRD is not installed)` : `the cluster has no ${need.what} '${need.name}'`;
    problems.push(`${cause}: named by ${describeObject(need.by)}${where ? `, set in ${where}` : ''}`);
  }
  for (const { object, gk } of missingKinds(input.rendered, input.discovery)) {
    if (seen.has(gk)) continue;
    seen.add(gk);
    const where = whereNamed(input.overlayDir, `kind: ${object.kind}`);
    problems.push(`the cluster does not serve ${object.apiVersion} ${object.kind} (its CRD is not installed): needed by ${describeObject(object)}${where ? `, from ${where}` : ''}`);
  }
  return problems;
}
