// The deploy command starts kustomize before the engine loads: what kustomize says still
// reaches the user as the reason, and nothing is written.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubectl } from '../support/cluster.ts';
import { deploy, freshNamespace, overlay } from '../support/deploy-harness.ts';

describe('deploy of an overlay kustomize cannot render', () => {
  it("stops with kustomize's message before any write", async () => {
    const ns = await freshNamespace('kb', false);
    const dir = overlay(ns);
    writeFileSync(join(dir, 'kustomization.yaml'), `namespace: ${ns}\nresources:\n  - missing.yaml\n`);
    const result = await deploy('kbad', dir);
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(new RegExp(`airflow-gitops deploy: kustomize could not render ${dir}:\\n.*missing\\.yaml`));
    expect((await kubectl(['get', 'namespace', ns])).stderr).toContain('NotFound');
    expect((await kubectl(['get', 'lease', 'airflow-gitops-kbad', '-n', 'default'])).stderr).toContain('NotFound');
  });
});
