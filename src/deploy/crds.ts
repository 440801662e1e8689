/** Custom resources whose CRD is in the same render can only be checked once the CRD is established. */
import type { KubeClient } from '../kube/client.ts';
import { CommandFailure } from '../errors.ts';
import type { KubeObject } from '../objects.ts';

type CrdSpec = { group?: string; names?: { kind?: string } };

export function isCrd(object: KubeObject): boolean {
  return object.kind === 'CustomResourceDefinition' && object.apiVersion.startsWith('apiextensions.k8s.io/');
}

/** "Kind.group" of every CRD in the render. */
export function renderedGroupKinds(objects: KubeObject[]): Set<string> {
  return new Set(
    objects.filter(isCrd).map((o) => {
      const spec = (o.spec ?? {}) as CrdSpec;
      return `${spec.names?.kind}.${spec.group}`;
    }),
  );
}

export async function waitEstablished(client: KubeClient, names: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const name of names) {
    for (;;) {
      const crd = await client.request<{ status?: { conditions?: { type: string; status: string }[] } }>(
        'GET',
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(name)}`,
      );
      if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new CommandFailure(`CustomResourceDefinition ${name} is not Established after ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
