/**
 * The `validate` command as a user runs it: `node src/cli.ts validate ...`,
 * its output formats and its exit codes (0 clean, 1 errors, 2 usage or environment).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopImportServers } from '../../src/dags/imports/server.ts';
import { stopRuffServers } from '../../src/dags/static/ruff-server.ts';
import { repoRoot } from '../support/paths.ts';
import { corpus, temporaryFolder } from '../support/dags.ts';

const cli = join(repoRoot, 'src', 'cli.ts');

// CI set, as on a runner: no run leaves an Airflow or ruff server behind unless a test asks for one.
function validate(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, 'validate', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('airflow-gitops validate', () => {
  it('exits 0 on a clean folder and 1 when there is an error', () => {
    const clean = validate([join(corpus, 'good')]);
    expect(clean.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
    expect(clean.code).toBe(0);
    const broken = validate([corpus]);
    expect(broken.stdout).toMatch(/bad\/cycle\.py:12:5: error \[dependency-cycle\]/);
    expect(broken.code).toBe(1);
  });

  it('prints one JSON object with the documented fields', () => {
    const { stdout, code } = validate([corpus, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { files: number; findings: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(['files', 'findings']);
    expect(report.files).toBe(33);
    expect(report.findings).toContainEqual({
      file: 'bad/no_schedule.py', line: 7, column: 1, severity: 'warning', rule: 'missing-schedule',
      message: expect.stringMatching(/no explicit schedule/), layer: 'static',
    });
    for (const finding of report.findings) expect(Object.keys(finding)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message', 'layer']);
  });

  it('prints GitHub workflow commands with paths from the workspace, and writes the job summary', () => {
    const summary = join(temporaryFolder('summary'), 'summary.md');
    writeFileSync(summary, '');
    // No commit to link to (as outside a workflow run): the summary shows plain paths.
    const { stdout, code } = validate(['test/fixtures/dags/corpus', '--format', 'github'], { GITHUB_WORKSPACE: repoRoot, GITHUB_STEP_SUMMARY: summary, GITHUB_SHA: '' });
    expect(code).toBe(1);
    expect(stdout).toContain('::error file=test/fixtures/dags/corpus/bad/cycle.py,line=12,col=5,title=dependency-cycle::dependency cycle in DAG');
    expect(stdout.split('\n').filter(Boolean).every((line) => /^::(error|warning|notice) file=/.test(line))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toMatch(/\| ❌ error \| test\/fixtures\/dags\/corpus\/bad\/cycle\.py \| 12 \| `dependency-cycle` \|/);
  });

  it('links each finding of the job summary to its file at the run\'s commit', () => {
    const summary = join(temporaryFolder('summary'), 'summary.md');
    writeFileSync(summary, '');
    const sha = '0123456789abcdef0123456789abcdef01234567';
    validate(['test/fixtures/dags/corpus', '--format', 'github'], { GITHUB_WORKSPACE: repoRoot, GITHUB_STEP_SUMMARY: summary, GITHUB_SHA: sha, GITHUB_REPOSITORY: 'acme/airflow', GITHUB_SERVER_URL: 'https://github.com' });
    const link = `https://github.com/acme/airflow/blob/${sha}/test/fixtures/dags/corpus/bad/cycle.py#L12`;
    expect(readFileSync(summary, 'utf8')).toContain(`| ❌ error | [test/fixtures/dags/corpus/bad/cycle.py](${link}) | [12](${link}) | \`dependency-cycle\` |`);
  });

  it('keeps its text report from starting workflow commands inside a workflow run', () => {
    const folder = temporaryFolder('injected');
    writeFileSync(join(folder, 'x\n::error file=README.md::pwned.py'), 'from airflow.sdk import DAG\nwith DAG("x"):\n    pass\n');
    const { stdout } = validate([folder], { GITHUB_ACTIONS: 'true' });
    const lines = stdout.trimEnd().split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0] ?? '')?.[1];
    expect(token).toBeDefined();
    expect(lines.at(-1)).toBe(`::${token}::`);
    expect(lines.slice(1, -1).some((line) => line.startsWith('::error file=README.md::pwned.py'))).toBe(true);
    // Outside a workflow run the report is plain.
    expect(validate([folder]).stdout).not.toContain('::stop-commands::');
  });

  it('warns about a folder with no DAG file, and fails on it with --require-dags', () => {
    const folder = temporaryFolder('empty-dags');
    const warned = validate([folder]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe(`warning: ${JSON.stringify(folder)} holds no DAG file to check; pass --require-dags to make this an error\n`);
    const failed = validate([folder, '--require-dags']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(`error: ${JSON.stringify(folder)} holds no DAG file to check (--require-dags)\n`);
  });

  it('exits 2 on bad usage, naming the problem', () => {
    expect(validate([]).code).toBe(2);
    const format = validate([corpus, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format 'xml' is not one of text, json, github/);
    const missing = validate(['no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no\/such\/folder is not a folder/);
  });

  it('exits 2 when --import has no usable Airflow, saying how to set it up', () => {
    const result = validate([corpus, '--import', '--python', '/nonexistent/python']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--import needs a Python with Airflow 3: no Python interpreter at \/nonexistent\/python/);
    const folder = temporaryFolder('fake-python');
    mkdirSync(join(folder, 'bin'));
    const fake = join(folder, 'bin', 'python');
    writeFileSync(fake, '#!/bin/sh\necho "No module named airflow" >&2\nexit 1\n', { mode: 0o755 });
    const broken = validate([join(corpus, 'good'), '--import', '--python', fake, '--no-cache']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/import worker .* exited with status 1:\nNo module named airflow\nIs Airflow installed\? Run 'bash scripts\/setup-airflow-venv.sh'/);
    // What it writes may reach the pipe only after it has exited (here a process it started writes it): still reported.
    const late = join(folder, 'bin', 'python-late');
    writeFileSync(late, '#!/bin/sh\n(sleep 0.2; echo "No module named airflow" >&2) &\nexit 1\n', { mode: 0o755 });
    const lateResult = validate([join(corpus, 'good'), '--import', '--python', late, '--no-cache']);
    expect(lateResult.code).toBe(2);
    expect(lateResult.stderr).toMatch(/import worker .* exited with status 1:\nNo module named airflow\nIs Airflow installed/);
  });

  it('keeps Airflow and ruff loaded between runs in the cache folder, but not where CI is set', async () => {
    const folder = temporaryFolder('cli-server');
    const dags = join(folder, 'dags');
    mkdirSync(dags);
    writeFileSync(join(dags, 'one.py'), 'import pendulum\nfrom airflow.sdk import DAG\n\nwith DAG(dag_id="one", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):\n    pass\n');
    const sockets = (cache: string) => [cache, join(cache, 'imports')].flatMap((folder) => readdirSync(folder).map((name) => join(folder, name))).filter((name) => name.endsWith('.sock'));

    const inCi = join(folder, 'ci-cache');
    expect(validate([dags, '--import', '--cache-dir', inCi], { CI: 'true' }).code).toBe(0);
    expect(sockets(inCi)).toEqual([]);

    const local = join(folder, 'cache');
    try {
      // ruff's WebAssembly build, which a server keeps loaded (the native ruff needs none).
      expect(validate([dags, '--import', '--cache-dir', local], { CI: '', AIRFLOW_GITOPS_RUFF: 'wasm' }).code).toBe(0);
      // Airflow's, and ruff's.
      expect(sockets(local)).toHaveLength(2);
    } finally {
      await stopImportServers(join(local, 'imports'));
      await stopRuffServers(local);
    }
    expect(sockets(local)).toEqual([]);
  }, 240_000);

  it('reports a bad config file with its line', () => {
    const folder = temporaryFolder('bad-config');
    writeFileSync(join(folder, '.airflow-gitops-validate.yaml'), 'rules:\n  missing-schedule: loud\n');
    const { code, stderr } = validate([folder]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\.airflow-gitops-validate\.yaml:2: rules: missing-schedule: 'loud' is not one of error, warning, notice, off/);
  });
});
