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
import { describeObject, groupKind, listAt, textAt, type KubeObject } from '../objects.ts';
import { whereNamed } from '../overlays/mentions.ts';

type Need = { groupKind: string; what: string; name: string; by: KubeObject };

const clusterIssuerAnnotation = 'cert-manager.io/cluster-issuer';

function storageClassNeeds(object: KubeObject): Need[] {
  const need = (name: string | undefined): Need[] => (name ? [{ groupKind: 'StorageClass.storage.k8s.io', what: 'StorageClass', name, by: object }] : []);
  if (object.kind === 'PersistentVolumeClaim') return need(textAt(object.spec, 'storageClassName'));
  if (object.kind === 'StatefulSet') return listAt(object.spec, 'volumeClaimTemplates').flatMap((t) => need(textAt(t, 'spec', 'storageClassName')));
  return [];
}

function routeNeeds(object: KubeObject): Need[] {
  const needs: Need[] = [];
  const add = (groupKind: string, what: string, name: string | undefined) => {
    if (name) needs.push({ groupKind, what, name, by: object });
  };
  if (object.kind === 'Ingress') add('IngressClass.networking.k8s.io', 'IngressClass', textAt(object.spec, 'ingressClassName'));
  if (object.kind === 'Gateway') add('GatewayClass.gateway.networking.k8s.io', 'GatewayClass', textAt(object.spec, 'gatewayClassName'));
  add('ClusterIssuer.cert-manager.io', 'ClusterIssuer', object.metadata.annotations?.[clusterIssuerAnnotation]);
  if (object.kind === 'Certificate' && textAt(object.spec, 'issuerRef', 'kind') === 'ClusterIssuer') add('ClusterIssuer.cert-manager.io', 'ClusterIssuer', textAt(object.spec, 'issuerRef', 'name'));
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
  const created = new Set(rendered.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => `${textAt(o.spec, 'names', 'kind')}.${textAt(o.spec, 'group')}`));
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
