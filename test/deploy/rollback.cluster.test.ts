// Rolling forward over a stuck rollout: the fix is judged on its own pods, not
// on the stuck ones it replaces, with and without --rollback; and --rollback
// puts back the template the workload was last Ready with, not merely the one
// before this deploy. Nothing simulated: the real scheduler finds no node for
// the broken template.
import { afterAll, describe, expect, it } from 'vitest';
import { deleteNamespaces, deploy, freshNamespace, getJson, overlay, rewrite } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await deleteNamespaces(namespaces);
});

const nowhere = (image = '3.10') =>
  'patches:\n  - target: {kind: Deployment, name: web}\n    patch: |\n' +
  '      - {op: add, path: /spec/template/spec/nodeSelector, value: {airflow-gitops.example/no-such-node: "true"}}\n' +
  `      - {op: replace, path: /spec/template/spec/containers/0/image, value: "registry.k8s.io/pause:${image}"}\n`;

async function stuck(ns: string, dir: string): Promise<void> {
  const result = await deploy('forward', dir);
  expect(result.code).toBe(1);
  expect(result.out).toContain(`Deployment ${ns}/web failed: pod web-`);
  expect(result.out).toContain('cannot be scheduled');
}

describe('a fix deployed over a stuck rollout', () => {
  it.each([[[]], [['--rollback']]])('is judged on its own pods (%j)', async (flags) => {
    const ns = await freshNamespace('fwd', true);
    namespaces.push(ns);
    const dir = overlay(ns);
    expect((await deploy('forward', dir)).code).toBe(0);
    rewrite(dir, ns, 'basic', nowhere());
    await stuck(ns, dir);

    rewrite(dir, ns);
    const fixed = await deploy('forward', dir, flags);
    expect(fixed.code, fixed.out).toBe(0);
    expect(fixed.out).toContain(`ready Deployment ${ns}/web`);
    expect(fixed.out).not.toContain('rolled back');
    const live = await getJson(['get', 'deployment', 'web', '-n', ns]);
    expect(live.spec.template.spec.nodeSelector).toBeUndefined();
  });
});

describe('--rollback', () => {
  it('restores the template the workload was last Ready with, not the broken one before this deploy', async () => {
    const ns = await freshNamespace('rbh', true);
    namespaces.push(ns);
    const dir = overlay(ns);
    expect((await deploy('forward', dir)).code).toBe(0);
    rewrite(dir, ns, 'basic', nowhere());
    await stuck(ns, dir);

    rewrite(dir, ns, 'basic', nowhere('3.9'));
    const result = await deploy('forward', dir, ['--rollback']);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`rolled back to the last healthy pod template: Deployment ${ns}/web`);
    const live = await getJson(['get', 'deployment', 'web', '-n', ns]);
    expect(live.spec.template.spec.nodeSelector).toBeUndefined();
    expect(live.spec.template.spec.containers[0].image).toBe('registry.k8s.io/pause:3.10');
  });
});
