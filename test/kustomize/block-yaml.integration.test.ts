// Every overlay of the repository and of the fixtures, rendered by kustomize, reads the same with the
// block-YAML reader as with `yaml`, and none of them needs the fallback.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readBlockYaml } from '../../src/kustomize/block-yaml.ts';
import { runKustomize } from '../../src/kustomize/binary.ts';
import { clusterBin, repoRoot } from '../support/paths.ts';

/** Folders holding a kustomization that renders alone (components only render inside one). */
function kustomizations(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const own = entries.some((e) => e.name === 'kustomization.yaml') && !/^kind: Component$/m.test(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'));
  const below = entries.filter((e) => e.isDirectory()).flatMap((e) => kustomizations(join(dir, e.name)));
  return own ? [dir, ...below] : below;
}

const roots = ['base', 'cluster', 'overlays', 'test/fixtures/overlays'].map((r) => join(repoRoot, r));
const dirs = roots.flatMap(kustomizations).map((d) => relative(repoRoot, d));

describe('readBlockYaml on kustomize output', () => {
  it('finds the overlays', () => {
    expect(dirs).toEqual(expect.arrayContaining(['overlays/local', 'overlays/prod', 'test/fixtures/overlays/bench', 'base']));
  });

  it.each(dirs)('%s reads as yaml reads it', async (dir) => {
    const result = await runKustomize(join(repoRoot, dir), { ...process.env, PATH: `${clusterBin}:${process.env.PATH ?? ''}` });
    expect(result.exitCode).toBe(0);
    const text = String(result.stdout);
    const values = readBlockYaml(text);
    expect(values).toBeDefined();
    expect(values).toStrictEqual(parseAllDocuments(text).map((d) => d.toJS() as unknown));
  });
});
