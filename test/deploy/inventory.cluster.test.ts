/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// The inventory lists every object the environment applied: kept kinds stay
// listed, so a PVC kept when it left the overlay is pruned later on request;
// and the record is written before any member, so a deploy interrupted by
// SIGINT (the real CLI, in a process of its own) leaves nothing unlisted.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterEnv, kubectl } from '../support/cluster.ts';
import { repoRoot } from '../support/paths.ts';
import { deleteNamespaces, deploy, freshNamespace, getJson, overlay, rewrite } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await deleteNamespaces(namespaces);
});

const pvc = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n';

async function recordedKinds(ns: string, environment: string): Promise<string[]> {
  const parent = await getJson(['get', 'configmap', `airflow-gitops-${environment}`, '-n', ns]);
  return String(parent.metadata.annotations['applyset.kubernetes.io/contains-group-kinds']).split(',');
}

describe('the inventory', () => {
  it('keeps listing a PVC kept when it left the overlay, so --prune-pvcs removes it later', async () => {
    const ns = await freshNamespace('kept', true);
    namespaces.push(ns);
    const dir = overlay(ns, 'basic', '  - pvc.yaml\n', { 'pvc.yaml': pvc });
    expect((await deploy('kept', dir)).code).toBe(0);
    rewrite(dir, ns);
    const keeping = await deploy('kept', dir);
    expect(keeping.code, keeping.out).toBe(0);
    expect(keeping.out).toContain(`PersistentVolumeClaim ${ns}/data`);
    expect(await recordedKinds(ns, 'kept')).toContain('PersistentVolumeClaim');

    const pruning = await deploy('kept', dir, ['--prune-pvcs']);
    expect(pruning.code, pruning.out).toBe(0);
    expect(pruning.out).toContain(`pruning PersistentVolumeClaim ${ns}/data`);
    const left = await kubectl(['get', 'pvc', 'data', '-n', ns, '-o', 'json']);
    // Gone, or going (its protection finalizer may still be on it).
    if (left.exitCode === 0) expect(JSON.parse(left.stdout).metadata.deletionTimestamp).toBeDefined();
    else expect(left.stderr).toContain('NotFound');
  });

  it('is written before any member: a deploy stopped by SIGINT at its first write leaves every member listed', async () => {
    const ns = await freshNamespace('sigint', true);
    namespaces.push(ns);
    const dir = overlay(ns);
    const child = spawn(process.execPath, [join(repoRoot, 'src', 'cli.ts'), 'deploy', 'sigint', '--overlay', dir], { env: clusterEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/^(created|changed) /m.test(out)) child.kill('SIGINT');
    });
    await exited;
    expect(out).toMatch(/^(created|changed) /m);
    const members = await getJson<{ items: any[] }>(['get', 'namespace,configmaps,serviceaccounts,roles,rolebindings,services,statefulsets,jobs,deployments', '-A', '-l', 'airflow-gitops/environment=sigint']);
    expect(members.items.length).toBeGreaterThan(0);
    const kinds = await recordedKinds(ns, 'sigint');
    const groupKind = (o: any) => (o.apiVersion.includes('/') ? `${o.kind}.${o.apiVersion.split('/')[0]}` : o.kind);
    for (const member of members.items) expect(kinds, `${member.kind} ${member.metadata.name}`).toContain(groupKind(member));
  });
});
