import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/github/run-action.ts';

const script = join(projectRoot, 'scripts', 'gen-action-docs.mjs');

function generate(args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: projectRoot, encoding: 'utf8' });
}

describe('README action docs', () => {
  it('README.md lists the inputs and outputs of action.yml as they are now', () => {
    const result = generate(['--check']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the block names every input and output of action.yml', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('<!-- action-docs:start -->'), readme.indexOf('<!-- action-docs:end -->'));
    const action = readFileSync(join(projectRoot, 'action.yml'), 'utf8');
    const names = [...action.matchAll(/^ {2}([a-z][a-z-]*):$/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) expect(block).toContain(`| \`${name}\` |`);
    expect(block).toContain('| `dags-directory` | no | `dags` | validate: the DAG folder to check, relative to working-directory and inside the workspace. |');
  });

  it('a change to action.yml makes the check fail until the README is regenerated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'action-docs-'));
    const readme = join(dir, 'README.md');
    const action = join(dir, 'action.yml');
    copyFileSync(join(projectRoot, 'README.md'), readme);
    writeFileSync(action, readFileSync(join(projectRoot, 'action.yml'), 'utf8').replace('validate: the DAG folder to check,', 'validate: the folder with the DAGs,'));
    const stale = generate(['--check', '--readme', readme, '--action', action]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('is stale');
    expect(generate(['--readme', readme, '--action', action]).status).toBe(0);
    expect(readFileSync(readme, 'utf8')).toContain('| `dags-directory` | no | `dags` | validate: the folder with the DAGs, relative to working-directory and inside the workspace. |');
    expect(generate(['--check', '--readme', readme, '--action', action]).status).toBe(0);
  });

  it('adds the section with its markers to a README that has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'action-docs-'));
    const readme = join(dir, 'README.md');
    writeFileSync(readme, '# project\n\ntext\n');
    expect(generate(['--readme', readme]).status).toBe(0);
    const text = readFileSync(readme, 'utf8');
    expect(text).toMatch(/^# project\n\ntext\n\n## Action inputs and outputs\n\n<!-- action-docs:start -->\n/);
    expect(text.trimEnd().endsWith('<!-- action-docs:end -->')).toBe(true);
  });
});
