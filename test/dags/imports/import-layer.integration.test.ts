/**
 * The import layer on the corpus, with the real Airflow from the venv: errors
 * placed at the file and line that raised them, and the same verdict as
 * Airflow's own DagBag on which files fail and which dag_ids load.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDags } from '../../../src/dags/index.ts';
import type { Report } from '../../../src/dags/report.ts';
import { repoRoot } from '../../support/paths.ts';
import { corpus, places, requireAirflowPython, runAirflowPython, temporaryFolder } from '../../support/dags.ts';

type DagBagResult = { parsed_files: string[]; import_errors: Record<string, string>; dag_ids: string[] };

let report: Report;
let dagBag: DagBagResult;

beforeAll(async () => {
  const python = requireAirflowPython();
  // A parse budget no import here comes near, however loaded the machine (robustness.test.ts tests the budget).
  const configFile = join(temporaryFolder('corpus-import-config'), 'validate.yaml');
  writeFileSync(configFile, 'import:\n  parse_budget_seconds: 600\n');
  report = await validateDags({ dagsFolder: corpus, import: true, python, cacheFolder: null, configFile });
  dagBag = runAirflowPython(join(repoRoot, 'python', 'dagbag_reference.py'), [corpus]) as DagBagResult;
}, 180_000);

describe('import layer on the corpus', () => {
  const importFindings = () => report.findings.filter((f) => f.layer === 'import');

  it.each([
    ['common/broken.py', 4, 'import-error', /KeyError: 'zone' \(while importing bad\/helper_raises.py\)/],
    ['bad/helper_raises.py', 6, 'import-error', /^KeyError: 'zone' \(raised in common\/broken.py:4; import chain: bad\/helper_raises.py:6 -> common\/broken.py:4\)$/],
    ['bad/cycle_generated.py', 7, 'import-error', /Cycle detected in Dag: cycle_generated/],
    ['bad/removed_apis.py', 6, 'import-error', /unexpected keyword argument 'schedule_interval'/],
    ['bad/dynamic_start_date.py', 14, 'runtime-varying-value', /runtime-varying value/],
  ])('%s:%i %s', (file, line, rule, message) => {
    const found = importFindings().find((f) => f.file === file && f.line === line && f.rule === rule);
    expect(found?.message).toMatch(message);
  });

  it('reports a provider that is not in the lock once, as missing-dependency at the import line (the static layer says it first)', () => {
    expect(report.findings.filter((f) => f.file === 'bad/missing_module.py').map((f) => `${f.line} ${f.rule} ${f.layer}`)).toEqual(['5 missing-dependency static']);
    expect(report.imports?.find((file) => file.file === 'bad/missing_module.py')?.failed).toBe(true);
  });

  it('places an error Airflow raises in its own checks at the task it names', () => {
    // The cycle goes through `load` (line 10), which Airflow names as the faulty task.
    expect(places(importFindings())).toContain('bad/cycle.py:10 import-error');
  });

  it('adds no import finding to the good files', () => {
    expect(importFindings().filter((f) => f.file.startsWith('good/'))).toEqual([]);
  });

  it('imports the same files as DagBag', () => {
    expect(report.imports?.map((file) => file.file).sort()).toEqual(dagBag.parsed_files);
  });

  it('fails the same files as DagBag, and reports the one DagBag fails as a duplicate as duplicate-dag-id', () => {
    const ours = report.imports?.filter((file) => file.failed).map((file) => file.file) ?? [];
    const duplicates = Object.entries(dagBag.import_errors).filter(([, error]) => error.startsWith('AirflowDagDuplicatedIdException')).map(([file]) => file);
    expect(duplicates).toEqual(['bad/duplicate_dag_id_b.py']);
    expect(ours.sort()).toEqual(Object.keys(dagBag.import_errors).filter((file) => !duplicates.includes(file)).sort());
    // Each file imports alone, as in the dag-processor; the clash is found across files.
    expect(places(report.findings)).toContain('bad/duplicate_dag_id_b.py:7 duplicate-dag-id');
  });

  it('loads the same dag_ids as DagBag', () => {
    const ours = new Set(report.imports?.flatMap((file) => file.dagIds));
    expect([...ours].sort()).toEqual(dagBag.dag_ids);
  });

  it('measures the parse time of every imported file', () => {
    const imports = report.imports ?? [];
    expect(imports.length).toBe(dagBag.parsed_files.length);
    expect(imports.length).toBeGreaterThan(20);
    expect(imports.filter((file) => !(file.parseSeconds !== null && file.parseSeconds > 0)).map((file) => file.file)).toEqual([]);
  });
});
