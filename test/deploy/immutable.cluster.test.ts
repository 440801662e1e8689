// Changes Kubernetes refuses in place: a Job's template (recreated), a StatefulSet's
// volumeClaimTemplates (explained; recreated with orphan deletion only when asked).
import { afterAll, describe, expect, it } from 'vitest';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson, overlay, rewrite, versions } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
});

const jobPatch = 'patches:\n  - target: {kind: Job, name: migrate}\n    patch: |\n      - {op: replace, path: /spec/template/spec/containers/0/args/0, value: --schema-version=2}\n';
const claimPatch = 'patches:\n  - target: {kind: StatefulSet, name: postgresql}\n    patch: |\n      - {op: replace, path: /spec/volumeClaimTemplates/0/spec/resources/requests/storage, value: 2Gi}\n';

describe('immutable fields', () => {
  it('deletes and recreates a changed migration Job, and waits for it again', async () => {
    const ns = await freshNamespace('im-job', true);
    namespaces.push(ns);
    const dir = overlay(ns);
    expect((await deploy('immutable', dir)).code).toBe(0);
    const old = await getJson(['get', 'job', 'migrate', '-n', ns]);
    rewrite(dir, ns, 'basic', jobPatch);
    const result = await deploy('immutable', dir);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain(`! recreate  Job ${ns}/migrate: Job ${ns}/migrate: a Job's pod template cannot change in place`);
    expect(result.out).toContain(`ready Job ${ns}/migrate`);
    const now = await getJson(['get', 'job', 'migrate', '-n', ns]);
    expect(now.metadata.uid).not.toBe(old.metadata.uid);
    expect(now.spec.template.spec.containers[0].args).toEqual(['--schema-version=2']);
    expect(now.status.succeeded).toBe(1);
  });

  it('explains a changed volumeClaimTemplate and writes nothing; with --recreate-statefulsets keeps pods and PVCs', async () => {
    const ns = await freshNamespace('im-sts', true);
    namespaces.push(ns);
    const dir = overlay(ns);
    expect((await deploy('claims', dir)).code).toBe(0);
    const sts = await getJson(['get', 'statefulset', 'postgresql', '-n', ns]);
    const pod = await getJson(['get', 'pod', 'postgresql-0', '-n', ns]);
    const pvc = await getJson(['get', 'pvc', 'data-postgresql-0', '-n', ns]);
    const before = await versions(ns);

    rewrite(dir, ns, 'basic', claimPatch);
    const refused = await deploy('claims', dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('nothing was written');
    expect(refused.out).toContain(`StatefulSet ${ns}/postgresql: claim template 'data': storage 1Gi -> 2Gi. Kubernetes does not allow changing a StatefulSet's volumeClaimTemplates.`);
    expect(refused.out).toContain('--recreate-statefulsets');
    expect(await versions(ns)).toEqual(before);

    const recreated = await deploy('claims', dir, ['--recreate-statefulsets']);
    expect(recreated.code, recreated.out).toBe(0);
    expect(recreated.out).toContain(`recreate StatefulSet ${ns}/postgresql (delete with orphan propagation, then create)`);
    const stsAfter = await getJson(['get', 'statefulset', 'postgresql', '-n', ns]);
    expect(stsAfter.metadata.uid).not.toBe(sts.metadata.uid);
    expect(stsAfter.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('2Gi');
    const podAfter = await getJson(['get', 'pod', 'postgresql-0', '-n', ns]);
    expect(podAfter.metadata.uid).toBe(pod.metadata.uid);
    expect(podAfter.metadata.ownerReferences[0].uid).toBe(stsAfter.metadata.uid);
    expect((await getJson(['get', 'pvc', 'data-postgresql-0', '-n', ns])).metadata.uid).toBe(pvc.metadata.uid);
  });
});
