// `check` against a real API server: the counts the pull-request comment
// shows come from a server-side dry-run of the overlay (nothing written),
// before a first deploy and after a change that edits one object and drops
// another.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as check } from '../../src/commands/check.ts';
import { run as prComment } from '../../src/commands/pr-comment.ts';
import { checksMarker } from '../../src/checks/comment.ts';
import { clusterEnv, kubeconfigPath, kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, freshNamespace, overlay, rewrite } from '../support/deploy-harness.ts';
import { captureIO } from '../support/io.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';

const namespaces: string[] = [];
afterAll(() => deleteNamespaces(namespaces));
const token = 'ghs_checkclustertoken00000000000000';
let github: MockGitHub;
beforeEach(async () => {
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token });
  github.addPull('feature', 'main', 'A change');
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

const changeOneDropOne =
  'patches:\n  - target: {kind: ConfigMap, name: web-config}\n    patch: |\n      - {op: replace, path: /data/LOG_LEVEL, value: debug}\n' +
  '  - patch: |-\n      $patch: delete\n      apiVersion: v1\n      kind: Service\n      metadata:\n        name: web\n';

async function checkInto(dir: string, results: string): Promise<{ code: number; result: { diff: Record<string, number>; objects: number } }> {
  const report = join(results, 'environment-dev.json');
  const { io } = captureIO(dir, clusterEnv());
  const code = await check(['dev', '--overlay', dir, '--kubeconfig', kubeconfigPath, '--report', report], io);
  return { code, result: JSON.parse(readFileSync(report, 'utf8')) as { diff: Record<string, number>; objects: number } };
}

describe('check against the cluster', () => {
  it('counts what a deploy would create, then change and prune, writing nothing', async () => {
    const ns = await freshNamespace('chk', false);
    namespaces.push(ns);
    const dir = overlay(ns);
    const first = await checkInto(dir, dir);
    expect(first.code).toBe(0);
    const created = (first.result.diff.create ?? 0) + (first.result.diff.deferred ?? 0);
    expect(created).toBe(first.result.objects);
    expect(first.result.diff).toMatchObject({ change: 0, prune: 0, unchanged: 0 });
    // A dry-run: the namespace does not exist yet.
    expect((await kubectl(['get', 'namespace', ns])).exitCode).not.toBe(0);

    expect((await deploy('dev', dir)).code).toBe(0);
    rewrite(dir, ns, 'basic', changeOneDropOne);
    const second = await checkInto(dir, dir);
    expect(second.code).toBe(0);
    expect(second.result.diff).toMatchObject({ create: 0, change: 1, prune: 1, unchanged: first.result.objects - 2 });
    expect((await kubectl(['-n', ns, 'get', 'service', 'web'])).exitCode).toBe(0);

    const { io } = captureIO(dir, { GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url });
    expect(await prComment(['--results', dir, '--pull-request', '1'], io)).toBe(0);
    const body = github.comments[0]?.body ?? '';
    expect(body.startsWith(checksMarker)).toBe(true);
    expect(body).toContain(`| \`dev\` | ${second.result.objects} | 0 | 1 | 1 | ${first.result.objects - 2} | server-side dry-run against the cluster |`);
  });
});
