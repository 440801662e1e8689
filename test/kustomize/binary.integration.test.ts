// Which kustomize renders: a standalone one on PATH, else kubectl's, else a clear error.
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKustomize } from '../../src/kustomize/binary.ts';
import { clusterBin, repoRoot } from '../support/paths.ts';

const fixture = join(repoRoot, 'test/fixtures/overlays/basic');

function pathWith(tools: Record<string, string>): string {
  const bin = mkdtempSync(join(tmpdir(), 'bin-'));
  for (const [name, target] of Object.entries(tools)) symlinkSync(target, join(bin, name));
  return bin;
}

describe('runKustomize', () => {
  it('prefers a standalone kustomize', async () => {
    const result = await runKustomize(fixture, { PATH: pathWith({ kustomize: join(clusterBin, 'kustomize'), kubectl: join(clusterBin, 'kubectl') }) });
    expect(result.program.command).toBe('kustomize');
    expect(String(result.stdout)).toContain('kind: Deployment');
  });

  it('falls back to kubectl kustomize', async () => {
    const result = await runKustomize(fixture, { PATH: pathWith({ kubectl: join(clusterBin, 'kubectl') }) });
    expect(result.program).toEqual({ command: 'kubectl', args: ['kustomize'] });
    expect(String(result.stdout)).toContain('kind: Deployment');
  });

  it('says what to install when neither is there', async () => {
    await expect(runKustomize(fixture, { PATH: pathWith({}) })).rejects.toThrow('neither kustomize nor kubectl is on PATH');
  });
});
