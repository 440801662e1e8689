// The Airflow lock (python/requirements/airflow.lock) is the environment the
// import check and the process runtime run in: it must be for the Airflow
// version the cluster runs, pin every package with hashes, and keep out the
// versions known to break the template's providers. The installers beside it
// (uv, and the native ruff validate runs) are pinned with hashes too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ruffVersion } from '../../src/dags/static/ruff-binary.ts';
import { repoRoot } from '../support/paths.ts';

const requirements = join(repoRoot, 'python', 'requirements');

interface Pinned {
  name: string;
  version: string;
  hashes: number;
}

/** Each `name==version` entry of a uv/pip lock with the number of its --hash lines. */
function entries(lock: string): Pinned[] {
  const found: Pinned[] = [];
  for (const block of lock.split(/\n(?=[a-z0-9])/i)) {
    const head = /^([A-Za-z0-9._-]+)==([^\s;\\]+)/.exec(block);
    if (head?.[1] && head[2]) found.push({ name: head[1].toLowerCase(), version: head[2], hashes: (block.match(/--hash=sha256:[0-9a-f]{64}/g) ?? []).length });
  }
  return found;
}

function imagePin(): string {
  const kustomization = parse(readFileSync(join(repoRoot, 'base', 'kustomization.yaml'), 'utf8')) as { images?: { name: string; newTag?: string }[] };
  const tag = kustomization.images?.find((i) => i.name === 'apache/airflow')?.newTag;
  if (!tag) throw new Error('base/kustomization.yaml pins no apache/airflow tag');
  return tag;
}

const lock = entries(readFileSync(join(requirements, 'airflow.lock'), 'utf8'));
const version = (name: string) => lock.find((e) => e.name === name)?.version;

describe('python/requirements/airflow.lock', () => {
  it('is for the apache/airflow version base/kustomization.yaml pins, like airflow.in', () => {
    expect(version('apache-airflow')).toBe(imagePin());
    expect(version('apache-airflow-core')).toBe(imagePin());
    const input = readFileSync(join(requirements, 'airflow.in'), 'utf8');
    expect(input).toMatch(new RegExp(`^apache-airflow==${imagePin().replaceAll('.', '\\.')}$`, 'm'));
  });

  it('pins every package with at least one sha256 hash', () => {
    expect(lock.length).toBeGreaterThan(100);
    expect(lock.filter((e) => e.hashes === 0).map((e) => e.name)).toEqual([]);
  });

  it('has the providers the template configures', () => {
    for (const provider of ['celery', 'fab', 'postgres', 'redis', 'standard']) {
      expect(version(`apache-airflow-providers-${provider}`), provider).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('keeps celery below 5.7, whose database backend lost what the Celery provider imports', () => {
    const [major, minor] = (version('celery') ?? '').split('.').map(Number);
    expect(major).toBe(5);
    expect(minor).toBeLessThan(7);
  });

  it('pins uv, the installer, with hashes too', () => {
    const uv = entries(readFileSync(join(requirements, 'uv.lock'), 'utf8'));
    expect(uv.map((e) => e.name)).toEqual(['uv']);
    expect(uv[0]?.hashes).toBeGreaterThan(0);
  });

  it("pins the native ruff at the version of validate's WebAssembly build, with hashes", () => {
    const ruff = entries(readFileSync(join(requirements, 'ruff.lock'), 'utf8'));
    expect(ruff.map((e) => e.name)).toEqual(['ruff']);
    expect(ruff[0]?.version).toBe(ruffVersion);
    expect(ruff[0]?.hashes).toBeGreaterThan(0);
    expect(readFileSync(join(requirements, 'ruff.in'), 'utf8')).toMatch(new RegExp(`^ruff==${ruffVersion.replaceAll('.', '\\.')}$`, 'm'));
  });
});
