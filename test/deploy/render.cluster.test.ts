// Deploying a file rendered before (`render -o`) instead of the overlay: the same objects, the same
// tracking, so a later deploy of the overlay itself finds nothing to change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as renderRun } from '../../src/commands/render.ts';
import { clusterEnv, kubectl } from '../support/cluster.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, overlay } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
const folder = mkdtempSync(join(tmpdir(), 'rendered-deploy-'));
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
  rmSync(folder, { recursive: true, force: true });
});

describe('deploy --rendered', () => {
  it('deploys the rendered file without the overlay, and the overlay afterwards changes nothing', async () => {
    const ns = await freshNamespace('rendered', false);
    namespaces.push(ns);
    const dir = overlay(ns);
    const file = join(folder, 'rendered.yaml');
    const io = { stdout: () => undefined, stderr: () => undefined, env: clusterEnv(), cwd: dir };
    expect(await renderRun(['from-file', '--overlay', dir, '-o', file], io)).toBe(0);

    // An overlay folder without a kustomization: only the file can be what is deployed.
    const first = await deploy('from-file', folder, ['--rendered', file, '--no-wait']);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`created Namespace ${ns}`);
    expect(first.out).toContain(`created Deployment ${ns}/web`);
    expect((await kubectl(['get', 'configmap', 'airflow-gitops-from-file', '-n', ns])).exitCode).toBe(0);

    const again = await deploy('from-file', dir, ['--no-wait']);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('no changes: nothing written');
  });
});
