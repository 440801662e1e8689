/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON */
// Volume growth: --resize-volumes expands every existing PVC of a StatefulSet
// whose claim template grew (4Gi -> 8Gi), recreates the StatefulSet without its
// pods, and reports each PVC's size; a shrink is refused before any write.
// The expansion itself is done by test/support/volume-resizer.ts, standing in
// for the CSI resizer the fake nodes cannot run.
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { startResizer } from '../support/volume-resizer.ts';
import { deleteNamespaces, deploy, diff, expectNoSecretInOutput, freshNamespace, getJson, overlay, rewrite, versions } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
const classes: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
  if (classes.length > 0) await kubectl(['delete', 'storageclass', '--ignore-not-found', ...classes]);
});

const sized = (size: string) =>
  'patches:\n  - target: {kind: StatefulSet, name: postgresql}\n    patch: |\n' +
  `      - {op: replace, path: /spec/replicas, value: 3}\n      - {op: replace, path: /spec/volumeClaimTemplates/0/spec/resources/requests/storage, value: ${size}}\n`;

async function claimSizes(ns: string): Promise<string[]> {
  const list = await getJson<{ items: any[] }>(['get', 'pvc', '-n', ns]);
  return list.items.map((c) => `${c.metadata.name} ${c.spec.resources.requests.storage} ${c.status.capacity?.storage}`).sort();
}

describe('--resize-volumes', () => {
  it('grows every PVC of the StatefulSet from 4Gi to 8Gi, keeps the pods, reports each size, and refuses a shrink', async () => {
    const ns = await freshNamespace('resize', false);
    namespaces.push(ns);
    const dir = overlay(ns, 'basic', sized('4Gi'));
    const first = await deploy('resize', dir);
    expect(first.code, first.out).toBe(0);
    expect(await claimSizes(ns)).toEqual(['data-postgresql-0 4Gi 4Gi', 'data-postgresql-1 4Gi 4Gi', 'data-postgresql-2 4Gi 4Gi']);
    const pods = (await getJson<{ items: any[] }>(['get', 'pods', '-n', ns, '-l', 'app=postgresql'])).items.map((p) => p.metadata.uid).sort();

    rewrite(dir, ns, 'basic', sized('8Gi'));
    const planned = await diff('resize', dir, ['--resize-volumes']);
    expect(planned.code, planned.out).toBe(3);
    expect(planned.out).toContain('expanding data-postgresql-0 4Gi -> 8Gi, data-postgresql-1 4Gi -> 8Gi, data-postgresql-2 4Gi -> 8Gi, then recreating the StatefulSet');

    const resizer = startResizer(ns);
    try {
      const grown = await deploy('resize', dir, ['--resize-volumes']);
      expect(grown.code, grown.out).toBe(0);
      for (const i of [0, 1, 2]) {
        expect(grown.out).toContain(`expanding PersistentVolumeClaim ${ns}/data-postgresql-${i}: 4Gi -> 8Gi`);
        expect(grown.out).toContain(`  PersistentVolumeClaim ${ns}/data-postgresql-${i}: requested 8Gi, capacity 8Gi`);
      }
    } finally {
      await resizer.stop();
    }
    expect(await claimSizes(ns)).toEqual(['data-postgresql-0 8Gi 8Gi', 'data-postgresql-1 8Gi 8Gi', 'data-postgresql-2 8Gi 8Gi']);
    const sts = await getJson(['get', 'statefulset', 'postgresql', '-n', ns]);
    expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('8Gi');
    expect((await getJson<{ items: any[] }>(['get', 'pods', '-n', ns, '-l', 'app=postgresql'])).items.map((p) => p.metadata.uid).sort()).toEqual(pods);

    const before = await versions(ns);
    rewrite(dir, ns, 'basic', sized('2Gi'));
    const shrink = await deploy('resize', dir, ['--resize-volumes']);
    expect(shrink.code).toBe(1);
    expect(shrink.out).toContain(`StatefulSet ${ns}/postgresql: claim template 'data' shrinks from 8Gi to 2Gi: Kubernetes cannot shrink a PersistentVolumeClaim`);
    expect(await versions(ns)).toEqual(before);
  });
});

describe('recreating a StatefulSet for a new StorageClass', () => {
  it('names the PVCs that keep the old class and how to move them', async () => {
    const ns = await freshNamespace('newclass', false);
    namespaces.push(ns);
    const cls = `fast-${ns}`;
    classes.push(cls);
    const made = await kubectl(['apply', '-f', '-'], `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${cls}\nprovisioner: airflow-gitops.local/hostpath\nvolumeBindingMode: WaitForFirstConsumer\n`);
    expect(made.exitCode, String(made.stderr)).toBe(0);
    const dir = overlay(ns, 'basic');
    expect((await deploy('newclass', dir)).code).toBe(0);
    rewrite(dir, ns, 'basic', `patches:\n  - target: {kind: StatefulSet, name: postgresql}\n    patch: |\n      - {op: add, path: /spec/volumeClaimTemplates/0/spec/storageClassName, value: ${cls}}\n`);
    const recreated = await deploy('newclass', dir, ['--recreate-statefulsets']);
    expect(recreated.code, recreated.out).toBe(0);
    expect(recreated.out).toContain(`PVCs keeping their old StorageClass (a claim's class cannot change): data-postgresql-0 (local-path); to move them to '${cls}', scale the StatefulSet to 0`);
    expect((await getJson(['get', 'pvc', 'data-postgresql-0', '-n', ns])).spec.storageClassName).toBe('local-path');
  });
});
