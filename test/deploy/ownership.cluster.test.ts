/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// Environments do not take each other's objects: an object that exists and
// belongs to another environment (its part-of label, or another environment's
// field manager) is refused by name before anything is written, unless --adopt
// hands it over; prune never deletes what another environment now owns. Each
// environment applies with a field manager of its own, and objects applied
// under the single manager of older releases move to it.
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, freshNamespace, getJson, overlay, rewrite, versions } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
const priorityClasses: string[] = [];
afterAll(async () => {
  await deleteNamespaces(namespaces);
  if (priorityClasses.length > 0) await kubectl(['delete', 'priorityclass', '--ignore-not-found', ...priorityClasses]);
});

const priorityClass = (name: string) => `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: ${name}\nvalue: 1000\n`;
const withPriority = '  - priority.yaml\n';

describe('objects of another environment', () => {
  it('a shared cluster-scoped object is refused by name, handed over only with --adopt, and never pruned by its old owner', async () => {
    const [a, b] = [await freshNamespace('owna', false), await freshNamespace('ownb', false)];
    namespaces.push(a, b);
    const shared = `shared-${a}`;
    priorityClasses.push(shared);
    const files = { 'priority.yaml': priorityClass(shared) };
    const dirA = overlay(a, 'basic', withPriority, files);
    const dirB = overlay(b, 'basic', withPriority, files);
    expect((await deploy('own-a', dirA)).code).toBe(0);

    const refused = await deploy('own-b', dirB);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      `PriorityClass ${shared} already exists and belongs to environment 'own-a' (its applyset.kubernetes.io/part-of label): not taken over. ` +
        "Remove it from this overlay, or deploy with --adopt to hand it to environment 'own-b'",
    );
    expect(refused.out).toContain('nothing was written');
    expect((await kubectl(['get', 'namespace', b])).exitCode).not.toBe(0);
    expect((await getJson(['get', 'priorityclass', shared])).metadata.labels['airflow-gitops/environment']).toBe('own-a');

    const adopted = await deploy('own-b', dirB, ['--adopt']);
    expect(adopted.code, adopted.out).toBe(0);
    expect((await getJson(['get', 'priorityclass', shared])).metadata.labels['airflow-gitops/environment']).toBe('own-b');

    // A no longer renders it: its prune must leave B's object alone.
    rewrite(dirA, a);
    const dropped = await deploy('own-a', dirA);
    expect(dropped.code, dropped.out).toBe(0);
    expect(dropped.out).not.toContain(`pruning PriorityClass ${shared}`);
    expect((await getJson(['get', 'priorityclass', shared])).metadata.labels['airflow-gitops/environment']).toBe('own-b');
  });

  it("an overlay pointed at another environment's namespace is refused object by object, and nothing is written", async () => {
    const ns = await freshNamespace('ownc', false);
    namespaces.push(ns);
    expect((await deploy('own-c', overlay(ns))).code).toBe(0);
    const before = await versions(ns);
    const intruder = await deploy('own-d', overlay(ns));
    expect(intruder.code).toBe(1);
    for (const object of [`Namespace ${ns}`, `ConfigMap ${ns}/web-config`, `Deployment ${ns}/web`, `StatefulSet ${ns}/postgresql`]) {
      expect(intruder.out).toContain(`${object} already exists and belongs to environment 'own-c'`);
    }
    expect(await versions(ns)).toEqual(before);
  });

  it('applies with a field manager per environment, and moves fields from the manager of older releases', async () => {
    const ns = await freshNamespace('owne', false);
    namespaces.push(ns);
    const dir = overlay(ns);
    // As an older release did: every environment under the one manager "airflow-gitops".
    expect((await deploy('own-e', dir, ['--field-manager', 'airflow-gitops'])).code).toBe(0);
    // Now LOG_LEVEL changes and app.cfg leaves the render: both must reach the live ConfigMap.
    const change = 'patches:\n  - target: {kind: ConfigMap, name: web-config}\n    patch: |\n      - {op: replace, path: /data/LOG_LEVEL, value: debug}\n      - {op: remove, path: /data/app.cfg}\n';
    rewrite(dir, ns, 'basic', change);
    const upgraded = await deploy('own-e', dir);
    expect(upgraded.code, upgraded.out).toBe(0);
    const config = await getJson(['get', 'configmap', 'web-config', '-n', ns, '--show-managed-fields']);
    expect(config.data).toEqual({ LOG_LEVEL: 'debug' });
    const managers = config.metadata.managedFields.map((m: any) => m.manager);
    expect(managers).toContain('airflow-gitops-own-e');
    expect(managers).not.toContain('airflow-gitops');
    expect((await deploy('own-e', dir)).out).toContain('no changes: nothing written');
  });
});
