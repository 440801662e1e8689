/**
 * `lock --check` as the CLI runs it: exit 0 on the committed lock, and a
 * CommandFailure (exit 1) naming the lock and the requirement added on a copy
 * whose requirements.txt gained one. (The refresh itself needs PyPI and
 * rebuilds the venv; docs/validate.md describes it.)
 */
import { appendFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/lock.ts';
import { CommandFailure, exitCodeFor } from '../../src/errors.ts';
import { repoRoot } from '../support/paths.ts';
import { captureIO } from '../support/io.ts';
import { temporaryFolder } from '../support/dags.ts';

describe('airflow-gitops lock --check', () => {
  it('says the committed lock is current', async () => {
    const captured = captureIO(repoRoot);
    expect(await run(['--check'], captured.io)).toBe(0);
    expect(captured.stdout.join('')).toMatch(/^requirements\.lock is current \(requirements\.txt, apache-airflow \d+\.\d+\.\d+, python\/requirements\/airflow\.lock\)\n$/);
  });

  it('fails with exit code 1 on a stale lock, naming the file, the change and the command', async () => {
    const root = temporaryFolder('lock-command');
    mkdirSync(join(root, 'base'));
    for (const file of ['requirements.txt', 'requirements.lock', 'requirements.modules.json', 'base/kustomization.yaml']) copyFileSync(join(repoRoot, file), join(root, file));
    appendFileSync(join(root, 'requirements.txt'), 'dbt-core==1.10.0\n');
    const failure = await run(['--check'], captureIO(root).io).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommandFailure);
    expect(exitCodeFor(failure)).toBe(1);
    expect((failure as Error).message).toBe('requirements.lock is stale:\n  - requirement added in requirements.txt: dbt-core==1.10.0\n' +
      'run `npx airflow-gitops lock` and commit requirements.txt, requirements.lock and requirements.modules.json');
  });

  it('refuses arguments it does not know', async () => {
    await expect(run(['dev'], captureIO(repoRoot).io)).rejects.toThrow('usage: airflow-gitops lock [--check]');
  });
});
