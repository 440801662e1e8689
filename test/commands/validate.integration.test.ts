/**
 * The `validate` command as a user runs it: `node src/cli.ts validate ...`,
 * its output formats and its exit codes (0 clean, 1 errors, 2 usage or environment).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.ts';
import { corpus, temporaryFolder } from '../support/dags.ts';

const cli = join(repoRoot, 'src', 'cli.ts');

function validate(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, 'validate', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env } });
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
    const { stdout, code } = validate(['test/fixtures/dags/corpus', '--format', 'github'], { GITHUB_WORKSPACE: repoRoot, GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(1);
    expect(stdout).toContain('::error file=test/fixtures/dags/corpus/bad/cycle.py,line=12,col=5,title=dependency-cycle::dependency cycle in DAG');
    expect(stdout.split('\n').filter(Boolean).every((line) => /^::(error|warning|notice) file=/.test(line))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toMatch(/\| ❌ error \| test\/fixtures\/dags\/corpus\/bad\/cycle\.py \| 12 \| `dependency-cycle` \|/);
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
  });

  it('reports a bad config file with its line', () => {
    const folder = temporaryFolder('bad-config');
    writeFileSync(join(folder, '.airflow-gitops-validate.yaml'), 'rules:\n  missing-schedule: loud\n');
    const { code, stderr } = validate([folder]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\.airflow-gitops-validate\.yaml:2: rules: missing-schedule: 'loud' is not one of error, warning, notice, off/);
  });
});
