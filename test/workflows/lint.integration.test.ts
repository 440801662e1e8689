// actionlint and zizmor over .github: no finding, and every finding silenced
// in a workflow says why on its own line. scripts/test.sh installs both into
// .tools/ (actionlint from its Go module, zizmor from PyPI).
import { execa } from 'execa';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/github/run-action.ts';

const tools = join(projectRoot, '.tools');
const workflowFolder = join(projectRoot, '.github', 'workflows');

describe('workflow linters', () => {
  it('actionlint finds nothing', async () => {
    const run = await execa(join(tools, 'bin', 'actionlint'), ['-no-color'], { cwd: projectRoot, reject: false });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('zizmor (pedantic persona) finds nothing that is not silenced', async () => {
    const run = await execa(join(tools, 'zizmor', 'bin', 'zizmor'), ['--offline', '--no-progress', '--persona', 'pedantic', '--format', 'plain', '--color', 'never', join(projectRoot, '.github')], { cwd: projectRoot, reject: false });
    expect(run.stdout, run.stderr).toMatch(/^No findings to report\. Good job!/m);
    expect(run.exitCode).toBe(0);
  });

  it('says why beside every finding it silences', () => {
    const silenced = readdirSync(workflowFolder).flatMap((file) =>
      readFileSync(join(workflowFolder, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ place: `${file}:${i + 1}`, line }))
        .filter(({ line }) => line.includes('zizmor: ignore')),
    );
    expect(silenced.length).toBeGreaterThan(0);
    // A reason is a few words after the rule.
    for (const { place, line } of silenced) expect(line, place).toMatch(/# zizmor: ignore\[[a-z-]+\] \S+( \S+){3,}/);
  });
});
