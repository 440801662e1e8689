/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON */
// Stands in for a CSI driver's external-resizer, which the local cluster's
// fake nodes cannot run: for each bound claim of `namespace` whose storage
// request exceeds its capacity, it sets the PersistentVolume's capacity and
// then the claim's status.capacity to the request, as a resizer and the
// kubelet's file-system expansion would together. It does not emulate a
// failed or offline expansion, the Resizing and FileSystemResizePending
// conditions, or a driver's own size rounding.
import { getJson, kubectl } from './cluster.ts';

export type Resizer = { stop: () => Promise<void> };

async function resizeOnce(namespace: string): Promise<void> {
  const claims = await getJson<{ items: any[] }>(['get', 'pvc', '-n', namespace]);
  for (const claim of claims.items) {
    const requested = claim.spec?.resources?.requests?.storage;
    const capacity = claim.status?.capacity?.storage;
    if (claim.status?.phase !== 'Bound' || !requested || requested === capacity) continue;
    await kubectl(['patch', 'pv', claim.spec.volumeName, '--type=merge', '-p', JSON.stringify({ spec: { capacity: { storage: requested } } })]);
    await kubectl(['patch', 'pvc', claim.metadata.name, '-n', namespace, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { capacity: { storage: requested } } })]);
  }
}

export function startResizer(namespace: string): Resizer {
  let running = true;
  const loop = (async () => {
    while (running) {
      await resizeOnce(namespace).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
