/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON */
// destroy <env>: a dry run by default; with --yes removes what the environment
// applied, keeping its Secrets, its PVCs and the Namespace holding them, and
// says how to remove those; objects of other tools in the namespace stay.
import { afterAll, describe, expect, it } from 'vitest';
import { run as destroyRun } from '../../src/commands/destroy.ts';
import { clusterEnv, kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson, overlay, versions } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
});

async function destroy(environment: string, dir: string, args: string[]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const code = await destroyRun([environment, '--overlay', dir, ...args], { stdout: (t) => chunks.push(t), stderr: (t) => chunks.push(t), env: clusterEnv(), cwd: dir });
  return { code, out: chunks.join('') };
}

const names = async (ns: string, kinds: string) => (await getJson<{ items: any[] }>(['get', kinds, '-n', ns])).items.map((o) => `${o.kind}/${o.metadata.name}`).sort();

describe('destroy', () => {
  it('is a dry run without --yes, then deletes the inventory but keeps Secrets, PVCs and their Namespace', async () => {
    const ns = await freshNamespace('destroy', false);
    namespaces.push(ns);
    const dir = overlay(ns, 'secrets');
    const deployed = await deploy('gone', dir);
    expect(deployed.code, deployed.out).toBe(0);
    const other = await kubectl(['-n', ns, 'create', 'configmap', 'not-ours', '--from-literal=a=b']);
    expect(other.exitCode).toBe(0);
    const before = await versions(ns);

    const dry = await destroy('gone', dir, []);
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toContain(`  - delete    Deployment ${ns}/scheduler`);
    expect(dry.out).toContain(`  - delete    ConfigMap ${ns}/airflow-gitops-gone`);
    expect(dry.out).toContain('nothing was deleted: rerun with --yes to delete');
    expect(await versions(ns)).toEqual(before);

    const done = await destroy('gone', dir, ['--yes']);
    expect(done.code, done.out).toBe(0);
    expect(done.out).toContain(`  . keep      Secret ${ns}/airflow-secrets: Secrets are kept unless --delete-secrets`);
    expect(done.out).toContain(`  . keep      PersistentVolumeClaim ${ns}/data-redis-0: PVCs are kept unless --delete-pvcs`);
    expect(done.out).toContain(`  . keep      Namespace ${ns}: it holds the kept Secrets and PVCs`);
    expect(done.out).toContain(`kubectl -n ${ns} delete secret -l applyset.kubernetes.io/part-of=`);
    expect(done.out).toContain(`kubectl -n ${ns} delete pvc data-redis-0`);
    expect(await names(ns, 'deployments,statefulsets,jobs')).toEqual([]);
    expect(await names(ns, 'configmaps')).toEqual(['ConfigMap/kube-root-ca.crt', 'ConfigMap/not-ours']);
    expect(await names(ns, 'secrets')).toEqual(['Secret/airflow-postgresql', 'Secret/airflow-redis', 'Secret/airflow-secrets']);
    expect(await names(ns, 'pvc')).toEqual(['PersistentVolumeClaim/data-redis-0']);
  });
});
