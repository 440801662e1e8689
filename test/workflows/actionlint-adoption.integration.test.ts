// actionlint (built from its Go module by scripts/test.sh) over every workflow
// of the repository and the ones `airflow-gitops init` writes: syntax, the
// contexts and their fields, expressions' types, job outputs, reusable
// workflows' inputs and secrets, and (with shellcheck on PATH) the scripts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/github/run-action.ts';
import { run as init } from '../../src/commands/init.ts';
import { captureIO } from '../support/io.ts';

const binary = process.env.AIRFLOW_GITOPS_ACTIONLINT ?? join(projectRoot, '.tools-adoption', 'actionlint');
const scratch = mkdtempSync(join(tmpdir(), 'actionlint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function actionlint(files: string[], cwd = projectRoot) {
  if (!existsSync(binary)) throw new Error(`no actionlint at ${binary}: scripts/test.sh builds it (go install github.com/rhysd/actionlint/cmd/actionlint)`);
  return spawnSync(binary, ['-no-color', ...files], { cwd, encoding: 'utf8' });
}

describe('actionlint', () => {
  it('finds nothing in the repository\'s workflows', () => {
    const files = readdirSync(join(projectRoot, '.github', 'workflows')).map((f) => join('.github', 'workflows', f));
    const result = actionlint(files);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('finds nothing in the workflows init writes for a team', async () => {
    expect(await init(['team', '--engine', 'acme/airflow-gitops', '--version', 'v1.0.0'], captureIO(scratch).io)).toBe(0);
    const team = join(scratch, 'team');
    execFileSync('git', ['init', '--quiet', team]);
    const files = readdirSync(join(team, '.github', 'workflows')).map((f) => join('.github', 'workflows', f));
    expect(files.sort()).toEqual(['.github/workflows/checks.yml', '.github/workflows/deploy.yml', '.github/workflows/promote.yml', '.github/workflows/upgrade.yml']);
    const result = actionlint(files, team);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('knows the contexts: a field GitHub does not offer (job.workflow_sha) is refused', () => {
    // The reason the reusable workflows read their version from the OIDC token instead.
    const repo = join(scratch, 'contexts');
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    execFileSync('git', ['init', '--quiet', repo]);
    writeFileSync(
      join(repo, '.github', 'workflows', 'probe.yml'),
      'on: workflow_call\njobs:\n  probe:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$SHA"\n        env:\n          SHA: ${{ job.workflow_sha }}\n',
    );
    const result = actionlint(['.github/workflows/probe.yml'], repo);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/property "workflow_sha" is not defined in object type/);
  });
});
