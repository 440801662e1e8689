// Objects the API server refuses, and fields another manager owns: nothing is written.
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson, overlay, rewrite, versions } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
});

// A valid change first, an invalid object later in the apply order: neither may be written.
const validThenInvalid =
  'patches:\n  - target: {kind: ConfigMap, name: web-config}\n    patch: |\n      - {op: replace, path: /data/LOG_LEVEL, value: debug}\n' +
  '  - target: {kind: Deployment, name: web}\n    patch: |\n      - {op: add, path: /spec/template/spec/containers/0/imagePullPolicyy, value: Always}\n';

describe('refused objects', () => {
  it('writes nothing to an existing environment when one object is invalid', async () => {
    const ns = await freshNamespace('rf-inv', true);
    namespaces.push(ns);
    const dir = overlay(ns);
    expect((await deploy('refusal', dir)).code).toBe(0);
    const before = await versions(ns);
    rewrite(dir, ns, 'basic', validThenInvalid);
    const result = await deploy('refusal', dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain('nothing was written: the API server refused 1 object(s)');
    expect(result.out).toMatch(new RegExp(`Deployment ${ns}/web: rejected by the API server: .*imagePullPolicyy: field not declared in schema`));
    expect(await versions(ns)).toEqual(before);
  });

  it('does not even create the namespace of a fresh environment when one object is invalid', async () => {
    const ns = await freshNamespace('rf-cold', false);
    const dir = overlay(ns, 'basic', validThenInvalid);
    const result = await deploy('cold-refusal', dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain('nothing was written');
    expect(result.out).toContain(`Deployment ${ns}/web: rejected by the API server`);
    expect((await kubectl(['get', 'namespace', ns])).exitCode).not.toBe(0);
  });
});

describe('field-manager conflicts', () => {
  it('names the other manager and the field, and takes the field over only with --force-conflicts', async () => {
    const ns = await freshNamespace('rf-conf', true);
    namespaces.push(ns);
    const dir = overlay(ns);
    expect((await deploy('conflict', dir)).code).toBe(0);
    const edit = await kubectl(
      ['apply', '--server-side', '--field-manager=ops-person', '--force-conflicts', '-f', '-'],
      JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: ns }, data: { LOG_LEVEL: 'warn' } }),
    );
    expect(edit.exitCode, edit.stderr).toBe(0);
    const before = await versions(ns);

    const refused = await deploy('conflict', dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`ConfigMap ${ns}/web-config: field manager "ops-person" owns .data.LOG_LEVEL`);
    expect(refused.out).toContain('rerun with --force-conflicts');
    expect(await versions(ns)).toEqual(before);

    const forced = await deploy('conflict', dir, ['--force-conflicts']);
    expect(forced.code, forced.out).toBe(0);
    expect(forced.out).toContain(`changed ConfigMap ${ns}/web-config`);
    const live = await getJson(['get', 'configmap', 'web-config', '-n', ns]);
    expect(live.data.LOG_LEVEL).toBe('info');
  });
});
