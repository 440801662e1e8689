/**
 * The committed requirements.lock: a superset of the base lock that agrees
 * with it on every package (version, markers and hashes), every package
 * pinned with hashes, and each requirement of requirements.txt in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../../src/requirements/index.ts';
import { repoRoot } from '../support/paths.ts';

type Pinned = { name: string; pin: string; hashes: string[] };

/** Each `name==version [; markers]` entry of a pip/uv lock with its hashes, by name. */
function entries(path: string): Map<string, Pinned> {
  const found = new Map<string, Pinned>();
  for (const block of readFileSync(path, 'utf8').split(/\n(?=[a-z0-9])/i)) {
    const head = /^([A-Za-z0-9._-]+)==([^\\\n]+?)\s*\\?\n/.exec(block);
    if (head?.[1] && head[2]) found.set(head[1].toLowerCase(), { name: head[1].toLowerCase(), pin: head[2], hashes: (block.match(/--hash=sha256:[0-9a-f]{64}/g) ?? []).sort() });
  }
  return found;
}

const lock = entries(join(repoRoot, 'requirements.lock'));
const base = entries(join(repoRoot, 'python', 'requirements', 'airflow.lock'));

describe('requirements.lock', () => {
  it('has every package of the base lock at the same version, markers and hashes', () => {
    expect(base.size).toBeGreaterThan(100);
    const differing = [...base.values()].filter((pinned) => JSON.stringify(lock.get(pinned.name)) !== JSON.stringify(pinned)).map((pinned) => pinned.name);
    expect(differing).toEqual([]);
  });

  it('pins every package with at least one sha256 hash', () => {
    expect(lock.size).toBeGreaterThan(base.size);
    expect([...lock.values()].filter((pinned) => pinned.hashes.length === 0).map((pinned) => pinned.name)).toEqual([]);
  });

  it('has each requirement of requirements.txt', () => {
    const requirements = parseRequirements(readFileSync(join(repoRoot, 'requirements.txt'), 'utf8'), 'requirements.txt');
    expect(requirements.map((requirement) => requirement.name)).toContain('apache-airflow-providers-http');
    expect(requirements.filter((requirement) => !lock.has(requirement.name)).map((requirement) => requirement.name)).toEqual([]);
  });
});
