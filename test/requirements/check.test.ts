/**
 * lockStaleness: the committed requirements.lock is current, and a copy of
 * the repository's lock files fails once its inputs change (a requirement
 * added or changed, the Airflow pin, the base lock, a hand-edited lock),
 * naming the file and what changed. Files only: no network, no Python.
 */
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPaths, lockStaleness, staleMessage } from '../../src/requirements/index.ts';
import { repoRoot } from '../support/paths.ts';
import { temporaryFolder } from '../support/dags.ts';

/** A repository root with copies of the lock's files; the engine (base lock) is this checkout unless given. */
function copyOfRepository(): string {
  const root = temporaryFolder('lock-check');
  mkdirSync(join(root, 'base'));
  for (const file of ['requirements.txt', 'requirements.lock', 'requirements.modules.json', 'base/kustomization.yaml']) copyFileSync(join(repoRoot, file), join(root, file));
  return root;
}

describe('requirements.lock', () => {
  it('is current: resolved from requirements.txt, the Airflow pin and python/requirements/airflow.lock as they are committed', () => {
    expect(lockStaleness(lockPaths(repoRoot, repoRoot))).toEqual([]);
  });

  it('is stale when a requirement is added, and the message names the file, the requirement and the command', () => {
    const root = copyOfRepository();
    appendFileSync(join(root, 'requirements.txt'), 'pandas>=2.2  # the daily report\n');
    const paths = lockPaths(root, repoRoot);
    const reasons = lockStaleness(paths);
    expect(reasons).toEqual(['requirement added in requirements.txt: pandas>=2.2']);
    expect(staleMessage(paths, reasons)).toMatch(/^requirements\.lock is stale:\n {2}- requirement added in requirements\.txt: pandas>=2\.2\nrun `npx airflow-gitops lock`/);
  });

  it('is stale when a requirement changes or goes, and not when only a comment does', () => {
    const root = copyOfRepository();
    const text = readFileSync(join(root, 'requirements.txt'), 'utf8');
    writeFileSync(join(root, 'requirements.txt'), `# a new comment\n${text}`);
    expect(lockStaleness(lockPaths(root, repoRoot))).toEqual([]);
    writeFileSync(join(root, 'requirements.txt'), text.replace(/^apache-airflow-providers-http$/m, 'apache-airflow-providers-http>=5'));
    expect(lockStaleness(lockPaths(root, repoRoot))).toEqual(['requirement changed in requirements.txt: apache-airflow-providers-http -> apache-airflow-providers-http>=5']);
    writeFileSync(join(root, 'requirements.txt'), text.replace(/^apache-airflow-providers-http$/m, ''));
    expect(lockStaleness(lockPaths(root, repoRoot))).toEqual(['requirement removed from requirements.txt: apache-airflow-providers-http']);
  });

  it('is stale when the Airflow pin in base/kustomization.yaml changes', () => {
    const root = copyOfRepository();
    const kustomization = join(root, 'base', 'kustomization.yaml');
    const pinned = /name: apache\/airflow\n\s+newTag: "?([0-9.]+)"?/.exec(readFileSync(kustomization, 'utf8'))?.[1];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    writeFileSync(kustomization, readFileSync(kustomization, 'utf8').replace(`newTag: "${pinned}"`, 'newTag: "3.9.0"').replace(`newTag: ${pinned}`, 'newTag: "3.9.0"'));
    expect(lockStaleness(lockPaths(root, repoRoot))).toEqual([`Airflow pin changed in base/kustomization.yaml: the lock is for apache-airflow ${pinned}, the pin is now 3.9.0`]);
  });

  it('is stale when the base lock changes', () => {
    const root = copyOfRepository();
    const engine = temporaryFolder('lock-engine');
    mkdirSync(join(engine, 'python', 'requirements'), { recursive: true });
    writeFileSync(join(engine, 'python', 'requirements', 'airflow.lock'), `${readFileSync(join(repoRoot, 'python', 'requirements', 'airflow.lock'), 'utf8')}# changed\n`);
    expect(lockStaleness(lockPaths(root, engine)).map((reason) => reason.replace(engine, '<engine>'))).toEqual([expect.stringMatching(/python\/requirements\/airflow\.lock changed since the lock was resolved$/)]);
  });

  it('says when the module map is not the map of the lock, or missing', () => {
    const root = copyOfRepository();
    appendFileSync(join(root, 'requirements.lock'), 'pandas==2.2.3\n');
    expect(lockStaleness(lockPaths(root, repoRoot))).toEqual(['requirements.modules.json was taken from another requirements.lock (was the lock edited by hand?)']);
  });
});
