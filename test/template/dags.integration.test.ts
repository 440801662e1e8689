// The example DAGs under dags/ load in the Airflow version the template runs
// (the venv scripts/setup-airflow-venv.sh builds from base/kustomization.yaml),
// with explicit schedules and start dates fixed in the code.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/template/render.ts';

const python = join(repoRoot, '.venv', 'airflow', 'bin', 'python');

const loadDags = `
import json, sys
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=sys.argv[1])
print(json.dumps({
    "errors": {k: str(v) for k, v in bag.import_errors.items()},
    "dags": {d.dag_id: {"file": d.fileloc, "timetable": type(d.timetable).__name__, "start": str(d.start_date), "tasks": len(d.tasks)} for d in bag.dags.values()},
}))
`;

describe('example DAGs', () => {
  it('load in Airflow without import errors, each with an explicit schedule', async () => {
    expect(existsSync(python), 'the Airflow venv (bash scripts/setup-airflow-venv.sh)').toBe(true);
    const home = await mkdtemp(join(tmpdir(), 'airflow-home-'));
    const run = await execa(python, ['-W', 'ignore', '-c', loadDags, join(repoRoot, 'dags')], {
      env: { AIRFLOW_HOME: home, AIRFLOW__CORE__LOAD_EXAMPLES: 'False', AIRFLOW__CORE__UNIT_TEST_MODE: 'False' },
      reject: false,
      timeout: 120_000,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
      errors: Record<string, string>;
      dags: Record<string, { file: string; timetable: string; start: string; tasks: number }>;
    };
    expect(result.errors).toEqual({});
    const files = (await readdir(join(repoRoot, 'dags'))).filter((f) => f.endsWith('.py'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const ids = Object.keys(result.dags);
    expect(ids.length).toBeGreaterThanOrEqual(files.length);
    for (const [id, dag] of Object.entries(result.dags)) {
      expect(dag.timetable, id).not.toBe('NullTimetable');
      expect(dag.tasks, id).toBeGreaterThan(0);
      expect(dag.start, id).toMatch(/^20\d\d-/);
    }
    for (const file of files) {
      const source = await readFile(join(repoRoot, 'dags', file), 'utf8');
      expect(source, file).toMatch(/schedule=/);
      expect(source, file).not.toMatch(/datetime\.now|utcnow|days_ago|Variable\.get/);
      expect(source, file).not.toMatch(/^from airflow\.(models|operators|decorators)/m);
    }
  }, 180_000);

  it('pass the project\'s own validation, imports included, without a finding', async () => {
    const run = await execa(process.execPath, [join(repoRoot, 'src', 'cli.ts'), 'validate', join(repoRoot, 'dags'), '--import', '--format', 'json', '--no-cache'], {
      cwd: repoRoot,
      reject: false,
      timeout: 170_000,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { files: number; findings: unknown[] };
    expect(report.files).toBeGreaterThanOrEqual(3);
    expect(report.findings).toEqual([]);
  }, 180_000);
});
