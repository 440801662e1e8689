/**
 * The static layer on the corpus: every bad file is caught at the right file,
 * line and rule, and the good files get no error and no warning.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDags } from '../../src/dags/index.ts';
import type { Report } from '../../src/dags/report.ts';
import { corpus, places } from '../support/dags.ts';

let report: Report;

beforeAll(async () => {
  report = await validateDags({ dagsFolder: corpus });
});

const expected: [file: string, line: number, rule: string][] = [
  ['bad/syntax_error.py', 9, 'syntax-error'],
  ['bad/python2_print.py', 5, 'python2-syntax'],
  ['bad/latin1_no_cookie.py', 5, 'invalid-encoding'],
  ['bad/removed_apis.py', 8, 'airflow3-removal'],
  ['bad/removed_apis.py', 14, 'airflow3-removal'],
  ['bad/duplicate_task_id.py', 9, 'duplicate-task-id'],
  ['bad/task_id_in_loop.py', 9, 'duplicate-task-id'],
  ['bad/cycle.py', 12, 'dependency-cycle'],
  ['bad/cycle_chain.py', 12, 'dependency-cycle'],
  ['bad/parse_time_variable.py', 7, 'parse-time-variable'],
  ['bad/parse_time_io.py', 11, 'parse-time-network'],
  ['bad/parse_time_io.py', 14, 'parse-time-database'],
  ['bad/dynamic_start_date.py', 9, 'dynamic-start-date'],
  ['bad/dynamic_start_date.py', 11, 'dynamic-start-date'],
  ['bad/no_schedule.py', 7, 'missing-schedule'],
  ['bad/dag_not_called.py', 7, 'dag-not-called'],
  ['bad/duplicate_dag_id_b.py', 7, 'duplicate-dag-id'],
  ['bad/dag_id_in_loop.py', 8, 'duplicate-dag-id'],
  ['bad/skipped_factory.py', 1, 'skipped-by-airflow'],
  // From the repository's requirements.lock, found above the folder.
  ['bad/missing_module.py', 5, 'missing-dependency'],
];

describe('static layer on the corpus', () => {
  it.each(expected)('%s:%i %s', (file, line, rule) => {
    expect(places(report.findings)).toContain(`${file}:${line} ${rule}`);
  });

  it('reports nothing else on the bad files but repeats of those places', () => {
    const known = new Set(expected.map(([file, line, rule]) => `${file}:${line} ${rule}`));
    const unexpected = report.findings.filter((f) => !known.has(`${f.file}:${f.line} ${f.rule}`) && !(f.rule === 'syntax-error' && f.file === 'bad/syntax_error.py'));
    expect(unexpected).toEqual([]);
  });

  it('finds no error or warning in the good files and the helper modules', () => {
    expect(report.findings.filter((f) => f.file.startsWith('good/') || f.file.startsWith('common/'))).toEqual([]);
  });

  it('respects .airflowignore: the ignored folder and the *_scratch.py glob are not checked', () => {
    expect(report.findings.some((f) => f.file.startsWith('ignored/') || f.file.endsWith('_scratch.py'))).toBe(false);
    expect(report.files).toBe(33);
  });

  it('says what the problem is in plain words', () => {
    const message = (file: string, rule: string) => report.findings.find((f) => f.file === file && f.rule === rule)?.message;
    expect(message('bad/python2_print.py', 'python2-syntax')).toMatch(/Python 2 print statement/);
    expect(message('bad/latin1_no_cookie.py', 'invalid-encoding')).toMatch(/not valid UTF-8 \(byte 0xE9\)/);
    expect(message('bad/cycle.py', 'dependency-cycle')).toMatch(/extract >> transform >> load >> extract/);
    expect(message('bad/duplicate_dag_id_b.py', 'duplicate-dag-id')).toMatch(/bad\/duplicate_dag_id_a\.py:7/);
    expect(message('bad/removed_apis.py', 'airflow3-removal')).toMatch(/schedule_interval/);
  });

  it('gives columns where the check knows them, and marks every finding as static', () => {
    const start = report.findings.find((f) => f.file === 'bad/dynamic_start_date.py' && f.line === 11);
    expect(start?.column).toBe(69);
    expect(new Set(report.findings.map((f) => f.layer))).toEqual(new Set(['static']));
    expect(report.imports).toBeUndefined();
  });
});
