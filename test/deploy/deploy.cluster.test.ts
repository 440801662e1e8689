/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// A fresh deploy, a no-op deploy, diff, a change, and prune, on the real API server.
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, diff, expectNoSecretInOutput, freshNamespace, getJson, overlay, rewrite, versions } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
});

describe('deploy lifecycle', () => {
  it('creates the namespace and everything in it, waits for Ready, then a second deploy writes nothing', async () => {
    const ns = await freshNamespace('dl', false);
    namespaces.push(ns);
    const dir = overlay(ns);
    const first = await deploy('lifecycle', dir);
    expect(first.out).toContain(`created Namespace ${ns}`);
    for (const w of [`StatefulSet ${ns}/postgresql`, `Job ${ns}/migrate`, `Deployment ${ns}/web`]) expect(first.out).toContain(`ready ${w}`);
    expect(first.code, first.out).toBe(0);
    // The phases in order: the database is Ready before the migration starts, which completes before the workloads.
    const order = ['ready StatefulSet', 'created Job', 'ready Job', 'created Deployment', 'ready Deployment'].map((s) => first.out.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const web = await getJson(['get', 'deployment', 'web', '-n', ns, '--show-managed-fields']);
    expect(web.status.availableReplicas).toBe(2);
    expect(web.metadata.managedFields.map((m: any) => m.manager)).toContain('airflow-gitops-lifecycle');

    const before = await versions(ns);
    const parentBefore = await getJson(['get', 'configmap', 'airflow-gitops-lifecycle', '-n', ns]);
    const second = await deploy('lifecycle', dir);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('no changes: nothing written');
    expect(await versions(ns)).toEqual(before);
    const parentAfter = await getJson(['get', 'configmap', 'airflow-gitops-lifecycle', '-n', ns]);
    expect(parentAfter.metadata.resourceVersion).toBe(parentBefore.metadata.resourceVersion);

    const clean = await diff('lifecycle', dir);
    expect(clean.code, clean.out).toBe(0);
    // Exhaustive dry-run agrees with the recorded-ownership shortcut.
    const exhaustive = await deploy('lifecycle', dir, ['--dry-run-all']);
    expect(exhaustive.out).toContain('no changes: nothing written');
    expect(await versions(ns)).toEqual(before);
  });

  it('diffs a change field by field, applies only it, and prunes exactly what left the overlay but never PVCs or Secrets', async () => {
    const ns = await freshNamespace('dp', true);
    namespaces.push(ns);
    const extraResources = 'extra.yaml';
    const extra = `apiVersion: v1
kind: Service
metadata:
  name: extra
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: extra
data: {a: "1"}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: scratch
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`;
    const gitHttps = { AIRFLOW_GITOPS_GIT_USERNAME: 'deploy-bot', AIRFLOW_GITOPS_GIT_TOKEN: 'ghp_notARealTokenButSecret0123456789' };
    const dir = overlay(ns, 'basic', `  - ${extraResources}\n`, { [extraResources]: extra });
    const first = await deploy('prune', dir, [], gitHttps);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`created Secret ${ns}/airflow-git-https`);

    const patch = 'patches:\n  - target: {kind: ConfigMap, name: web-config}\n    patch: |\n      - {op: replace, path: /data/LOG_LEVEL, value: debug}\n';
    rewrite(dir, ns, 'basic', patch);
    const planned = await diff('prune', dir);
    expect(planned.code, planned.out).toBe(3);
    expect(planned.out).toContain(`~ change    ConfigMap ${ns}/web-config`);
    expect(planned.out).toContain('~ data.LOG_LEVEL: "info" -> "debug"');
    for (const gone of [`Service ${ns}/extra`, `ConfigMap ${ns}/extra`]) expect(planned.out).toContain(`- prune     ${gone}`);
    expect(planned.out).toContain(`. keep      PersistentVolumeClaim ${ns}/scratch`);
    expect(planned.out).toContain(`. keep      Secret ${ns}/airflow-git-https`);

    const before = await versions(ns);
    const second = await deploy('prune', dir);
    expect(second.code, second.out).toBe(0);
    expect(second.out.indexOf(`pruning Service ${ns}/extra`)).toBeGreaterThan(-1);
    const after = await versions(ns);
    const removed = Object.keys(before).filter((k) => !(k in after));
    expect(removed.sort()).toEqual(['ConfigMap/extra', 'Service/extra']);
    const rewritten = Object.keys(after).filter((k) => after[k] !== before[k]);
    // The change itself, and the inventory parent, which now lists fewer members.
    expect(rewritten.sort()).toEqual(['ConfigMap/airflow-gitops-prune', 'ConfigMap/web-config']);
    expect((await kubectl(['get', 'pvc/scratch', 'secret/airflow-git-https', '-n', ns])).exitCode).toBe(0);
    await expectNoSecretInOutput([ns], Object.values(gitHttps));
  });
});
