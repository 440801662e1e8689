// actionlint (built from its Go module by scripts/test.sh) over every workflow
// of the repository and the ones `airflow-gitops init` writes: syntax, the
// contexts and their fields, expressions' types, job outputs, reusable
// workflows' inputs and secrets, and (with shellcheck on PATH) the scripts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../support/github/run-action.ts';
import { run as init } from '../../src/commands/init.ts';
import { captureIO } from '../support/io.ts';

const binary = process.env.AIRFLOW_GITOPS_ACTIONLINT ?? join(projectRoot, '.tools', 'bin', 'actionlint');
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

  it('finds nothing in the workflow docs/action.md tells a DAG repository to write', () => {
    const docs = readFileSync(join(projectRoot, 'docs', 'action.md'), 'utf8');
    const block = /```yaml\n(# \.github\/workflows\/platform\.yml of the DAG repository\n[\s\S]*?)```/.exec(docs)?.[1];
    expect(block).toContain('uses: OWNER/airflow-gitops/.github/workflows/dag-repository.yml@v1');
    const repo = join(scratch, 'dag-repository');
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    execFileSync('git', ['init', '--quiet', repo]);
    writeFileSync(join(repo, '.github', 'workflows', 'platform.yml'), block ?? '');
    const result = actionlint(['.github/workflows/platform.yml'], repo);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
    // actionlint cannot read a remote reusable workflow: hold the call to this repository's copy.
    type Call = { jobs: Record<string, { with?: Record<string, unknown>; secrets?: Record<string, unknown> }> };
    type Callee = { on: { workflow_call: { inputs: Record<string, { required?: boolean }>; secrets: Record<string, { required?: boolean }> } } };
    const job = Object.values((parse(block ?? '') as Call).jobs)[0];
    const callee = (parse(readFileSync(join(projectRoot, '.github', 'workflows', 'dag-repository.yml'), 'utf8')) as Callee).on.workflow_call;
    for (const name of Object.keys(job?.with ?? {})) expect(Object.keys(callee.inputs), `input ${name}`).toContain(name);
    for (const [name, input] of Object.entries(callee.inputs)) if (input.required) expect(Object.keys(job?.with ?? {})).toContain(name);
    for (const [name, secret] of Object.entries(callee.secrets)) if (secret.required) expect(Object.keys(job?.secrets ?? {})).toContain(name);
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
