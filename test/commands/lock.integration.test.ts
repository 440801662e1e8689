/**
 * `airflow-gitops lock` for real: uv resolves requirements.txt on top of the
 * base lock (from PyPI, through uv's cache), the result is installed into a
 * venv of the test's own (AIRFLOW_VENV), and the lock and its module map are
 * written together; a resolution that fails writes nothing.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/lock.ts';
import { lockPaths, lockStaleness, readModuleMap } from '../../src/requirements/index.ts';
import { repoRoot } from '../support/paths.ts';
import { captureIO } from '../support/io.ts';
import { temporaryFolder } from '../support/dags.ts';

function repository(requirements: string): string {
  const root = temporaryFolder('lock-refresh');
  mkdirSync(join(root, 'base'));
  copyFileSync(join(repoRoot, 'base', 'kustomization.yaml'), join(root, 'base', 'kustomization.yaml'));
  writeFileSync(join(root, 'requirements.txt'), requirements);
  return root;
}

describe('airflow-gitops lock', () => {
  it('writes a current lock with the requirement and its hashes, installs it, and maps its modules', async () => {
    const root = repository('apache-airflow-providers-http\n');
    const venv = join(temporaryFolder('lock-venv'), 'airflow');
    const captured = captureIO(root, { ...process.env, AIRFLOW_VENV: venv });
    expect(await run([], captured.io)).toBe(0);
    expect(captured.stdout.join('')).toMatch(/^requirements\.lock: apache-airflow \d+\.\d+\.\d+ and \d+ packages, 1 from requirements\.txt; requirements\.modules\.json: \d+ modules\n$/);
    expect(lockStaleness(lockPaths(root, repoRoot))).toEqual([]);
    expect(readFileSync(join(root, 'requirements.lock'), 'utf8')).toMatch(/^apache-airflow-providers-http==[^\s]+ \\\n {4}--hash=sha256:[0-9a-f]{64}/m);
    expect(readModuleMap(join(root, 'requirements.modules.json')).map.modules['airflow.providers.http']).toEqual(['apache-airflow-providers-http']);
    expect(existsSync(join(venv, 'lib', 'python3.11', 'site-packages', 'airflow', 'providers', 'http'))).toBe(true);
  }, 600_000);

  it('writes nothing when the requirements cannot be resolved, and says so', async () => {
    const root = repository('apache-airflow-providers-http<0.0.1\n');
    const captured = captureIO(root, { ...process.env, AIRFLOW_VENV: join(temporaryFolder('lock-venv'), 'airflow') });
    await expect(run([], captured.io)).rejects.toThrow(/^resolving requirements\.txt failed \(.* exited with \d+\):\n[\s\S]*apache-airflow-providers-http/);
    expect(existsSync(join(root, 'requirements.lock'))).toBe(false);
    expect(existsSync(join(root, 'requirements.modules.json'))).toBe(false);
  }, 600_000);
});
