// Where an overlay writes a value: the overlay's own files first, then the
// folders its kustomization pulls in; comments do not count.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { whereNamed } from '../../src/overlays/mentions.ts';

const root = mkdtempSync(join(tmpdir(), 'mentions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('whereNamed', () => {
  it('finds the file and line, preferring the overlay, skipping comments and partial words', () => {
    write('components/logs/kustomization.yaml', 'kind: Component\nresources:\n  - claim.yaml\n');
    write('components/logs/claim.yaml', 'spec:\n  storageClassName: standard-rwo\n  other: fast\n');
    write('overlays/dev/kustomization.yaml', 'components:\n  - ../../components/logs\n');
    write('overlays/dev/environment.yaml', '# storageClass: fast is the default\nhost: a.example.com\nstorageClass: fast-ssd\n');
    const overlay = join(root, 'overlays/dev');
    expect(whereNamed(overlay, 'fast-ssd')).toBe('overlays/dev/environment.yaml:3');
    expect(whereNamed(overlay, 'fast')).toBe('components/logs/claim.yaml:3');
    expect(whereNamed(overlay, 'standard')).toBeUndefined();
    expect(whereNamed(overlay, 'ssd')).toBeUndefined();
  });
});
