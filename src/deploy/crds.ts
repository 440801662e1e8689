/** Custom resources whose CRD is in the same render can only be checked once the CRD is established. */
import type { KubeClient } from '../kube/client.ts';
import { CommandFailure } from '../errors.ts';
import { conditionsOf, isRecord, specOf, type KubeObject } from '../objects.ts';
import { pollUntil } from '../poll.ts';

export function isCrd(object: KubeObject): boolean {
  return object.kind === 'CustomResourceDefinition' && object.apiVersion.startsWith('apiextensions.k8s.io/');
}

/** "Kind.group" of every CRD in the render. */
export function renderedGroupKinds(objects: KubeObject[]): Set<string> {
  return new Set(
    objects.filter(isCrd).map((o) => {
      const spec = specOf(o);
      const kind = isRecord(spec.names) ? spec.names.kind : undefined;
      return `${String(kind)}.${String(spec.group)}`;
    }),
  );
}

export async function waitEstablished(client: KubeClient, names: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const name of names) {
    const established = async () => {
      const crd = await client.request<KubeObject>('GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(name)}`);
      return conditionsOf(crd).some((c) => c.type === 'Established' && c.status === 'True') ? true : undefined;
    };
    const ok = await pollUntil(established, { timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: 200 });
    if (!ok) throw new CommandFailure(`CustomResourceDefinition ${name} is not Established after ${timeoutMs / 1000} s`);
  }
}
