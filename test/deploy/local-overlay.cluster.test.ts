/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// The template's own `local` overlay, from a git repository: a fresh deploy
// reaches Ready with generated Secrets; a bump of the pinned ref rolls the pods
// that run git-sync (and only those) and the live objects carry the new ref;
// the generated keys survive every later deploy.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as bumpRun } from '../../src/commands/bump.ts';
import { clusterEnv } from '../support/cluster.ts';
import { captureIO } from '../support/io.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson, localTemplateRepo } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
});

const gitSyncWorkloads = ['deployment/airflow-scheduler', 'deployment/airflow-dag-processor', 'statefulset/airflow-triggerer', 'statefulset/airflow-worker'];

async function refsAndPods(ns: string) {
  const out: Record<string, { ref: string; pods: string[] }> = {};
  const pods = await getJson<{ items: any[] }>(['get', 'pods', '-n', ns]);
  for (const w of gitSyncWorkloads) {
    const live = await getJson(['get', w, '-n', ns]);
    const sidecar = live.spec.template.spec.initContainers.find((c: any) => c.name === 'git-sync');
    const selector = live.spec.selector.matchLabels as Record<string, string>;
    const mine = pods.items.filter((p) => !p.metadata.deletionTimestamp && Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v));
    out[w] = { ref: sidecar.env.find((e: any) => e.name === 'GITSYNC_REF').value, pods: mine.map((p) => p.metadata.uid).sort() };
  }
  return out;
}

describe('the local overlay', () => {
  it('deploys Ready, rolls the git-sync pods on a bump, and keeps the generated keys', async () => {
    const ns = await freshNamespace('lo', false);
    namespaces.push(ns);
    const { repo, git } = await localTemplateRepo(ns);
    const commit = (await git('rev-parse', 'HEAD')).stdout.trim();

    // kwok's nodes run no containers: there is no Airflow to ask after the rollout.
    const first = await deploy('local', join(repo, 'overlays/local'), ['--commit', commit, '--no-health-gate'], {}, repo);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('generated once (kept from now on): ');
    expect(first.out).toContain(`ready Deployment ${ns}/airflow-api-server`);
    const secrets = await getJson(['get', 'secret', 'airflow-secrets', '-n', ns]);
    expect(Object.keys(secrets.data).sort()).toEqual(['api-secret-key', 'fernet-key', 'jwt-secret']);
    expect(Buffer.from(Buffer.from(secrets.data['fernet-key'], 'base64').toString(), 'base64url')).toHaveLength(32);
    const before = await refsAndPods(ns);
    const apiServerPods = (await getJson<{ items: any[] }>(['get', 'pods', '-n', ns, '-l', 'app.kubernetes.io/component=api-server'])).items.map((p) => p.metadata.uid);

    // bump pins only commits of the repository: a DAG change made here is the new ref.
    writeFileSync(join(repo, 'README.md'), 'a DAG change\n');
    await git('add', 'README.md');
    await git('commit', '-qm', 'dags');
    const newRef = (await git('rev-parse', 'HEAD')).stdout.trim();
    const bumped = captureIO(repo, clusterEnv());
    expect(await bumpRun(['local', '--ref', newRef], bumped.io)).toBe(0);
    expect((await git('diff', '--stat')).stdout).toContain('overlays/local/git-sync-ref.env | 2 +-');
    await git('commit', '-qam', 'bump');
    const bumpCommit = (await git('rev-parse', 'HEAD')).stdout.trim();

    const second = await deploy('local', join(repo, 'overlays/local'), ['--commit', bumpCommit, '--no-health-gate'], {}, repo);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('0 to create, 4 to change, 0 to recreate, 0 to prune');
    const after = await refsAndPods(ns);
    for (const w of gitSyncWorkloads) {
      expect(after[w]?.ref).toBe(newRef);
      expect(after[w]?.pods.length).toBeGreaterThan(0);
      expect(after[w]?.pods.some((uid) => before[w]?.pods.includes(uid)), `${w} still runs an old pod`).toBe(false);
    }
    const scheduler = await getJson(['get', 'deployment', 'airflow-scheduler', '-n', ns]);
    expect(scheduler.metadata.annotations['airflow-gitops/commit']).toBe(bumpCommit);
    const apiServer = await getJson(['get', 'deployment', 'airflow-api-server', '-n', ns]);
    expect(apiServer.metadata.annotations['airflow-gitops/commit']).toBe(commit);
    const apiServerPodsAfter = (await getJson<{ items: any[] }>(['get', 'pods', '-n', ns, '-l', 'app.kubernetes.io/component=api-server'])).items.map((p) => p.metadata.uid);
    expect(apiServerPodsAfter).toEqual(apiServerPods);

    const third = await deploy('local', join(repo, 'overlays/local'), ['--commit', bumpCommit], {}, repo);
    expect(third.out).toContain('no changes: nothing written');
    expect((await getJson(['get', 'secret', 'airflow-secrets', '-n', ns])).data).toEqual(secrets.data);
  });
});
