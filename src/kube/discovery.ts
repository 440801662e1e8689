/**
 * Maps apiVersion+kind to the REST resource (plural, namespaced) with one
 * aggregated-discovery request per root (/api and /apis), instead of one
 * request per group-version.
 */
import type { KubeClient } from './client.ts';
import { EnvironmentError } from '../errors.ts';
import { groupOf, type KubeObject } from '../objects.ts';

export type ResourceInfo = { group: string; version: string; plural: string; namespaced: boolean; kind: string };

type DiscoveryList = {
  kind?: string;
  items?: {
    metadata: { name?: string };
    versions: { version: string; resources: { resource: string; scope: string; responseKind?: { kind?: string } }[] }[];
  }[];
};

const aggregatedAccept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;q=0.5';

export class Discovery {
  private readonly byKind = new Map<string, ResourceInfo>();
  // Aggregated discovery lists a group's versions in preference order: the first seen wins.
  private readonly byGroupKind = new Map<string, ResourceInfo>();

  static async load(client: KubeClient): Promise<Discovery> {
    const discovery = new Discovery();
    const roots = await Promise.all(['/api', '/apis'].map((p) => client.request<DiscoveryList>('GET', p, { accept: aggregatedAccept })));
    for (const root of roots) {
      if (root.kind !== 'APIGroupDiscoveryList') {
        throw new EnvironmentError(`the API server ${client.server} does not offer aggregated discovery (Kubernetes 1.30 or newer is needed)`);
      }
      discovery.add(root);
    }
    return discovery;
  }

  private add(list: DiscoveryList): void {
    for (const group of list.items ?? []) {
      const groupName = group.metadata.name ?? '';
      for (const version of group.versions) {
        for (const resource of version.resources) {
          const kind = resource.responseKind?.kind;
          if (!kind) continue;
          const info = { group: groupName, version: version.version, plural: resource.resource, namespaced: resource.scope === 'Namespaced', kind };
          this.byKind.set(`${groupName}/${version.version}/${kind}`, info);
          const gk = groupName === '' ? kind : `${kind}.${groupName}`;
          if (!this.byGroupKind.has(gk)) this.byGroupKind.set(gk, info);
        }
      }
    }
  }

  /** The resource serving `object`'s apiVersion and kind, or undefined when the cluster does not serve it. */
  find(object: Pick<KubeObject, 'apiVersion' | 'kind'>): ResourceInfo | undefined {
    const group = groupOf(object.apiVersion);
    const version = object.apiVersion.slice(object.apiVersion.indexOf('/') + 1);
    return this.byKind.get(`${group}/${version}/${object.kind}`);
  }

  /** The preferred version of a group-kind ("Deployment.apps"), as recorded in an inventory. */
  findGroupKind(groupKind: string): ResourceInfo | undefined {
    return this.byGroupKind.get(groupKind);
  }
}

export function apiVersionOf(info: ResourceInfo): string {
  return info.group === '' ? info.version : `${info.group}/${info.version}`;
}

/** REST path of a collection (namespace may be undefined for cluster-scoped resources or all namespaces). */
export function collectionPath(info: ResourceInfo, namespace: string | undefined): string {
  const root = info.group === '' ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
  return info.namespaced && namespace ? `${root}/namespaces/${encodeURIComponent(namespace)}/${info.plural}` : `${root}/${info.plural}`;
}

export function objectPath(info: ResourceInfo, object: Pick<KubeObject, 'metadata'>): string {
  return `${collectionPath(info, object.metadata.namespace)}/${encodeURIComponent(object.metadata.name)}`;
}
