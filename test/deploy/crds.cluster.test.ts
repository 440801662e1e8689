// A CRD and an object of its kind in the same render: the CRD is applied and
// established first, discovery is refreshed, and only then is the object
// checked (a bad one stops the deploy before any namespaced write).
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson, overlay, rewrite } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
});

describe('custom resources whose CRD is in the render', () => {
  it('are applied after their CRD is established, and a bad one is refused by its schema', async () => {
    // The CRD is cluster-wide and shared by every run of this test: start without it.
    await kubectl(['delete', 'crd', 'widgets.fixtures.airflow-gitops.example', '--ignore-not-found', '--wait=true']);
    const ns = await freshNamespace('crd', false);
    namespaces.push(ns);
    const dir = overlay(ns, 'crd');
    const first = await deploy('crd', dir);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`+ create    Widget ${ns}/first (dry-run after its namespace/CRD is created)`);
    expect(first.out.indexOf('created CustomResourceDefinition widgets.fixtures.airflow-gitops.example')).toBeLessThan(first.out.indexOf(`created Widget ${ns}/first`));
    expect((await getJson(['get', 'widgets.fixtures.airflow-gitops.example', 'first', '-n', ns])).spec.size).toBe(3);
    expect((await deploy('crd', dir)).out).toContain('no changes: nothing written');

    rewrite(dir, ns, 'crd', 'patches:\n  - target: {kind: Widget}\n    patch: |\n      - {op: replace, path: /spec/size, value: 0}\n');
    const refused = await deploy('crd', dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(new RegExp(`Widget ${ns}/first: rejected by the API server: .*spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1`));
    expect((await getJson(['get', 'widgets.fixtures.airflow-gitops.example', 'first', '-n', ns])).spec.size).toBe(3);
  });
});
