/** The python2-syntax rule on its fixture folder, test/fixtures/dags/rules/python2-syntax/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports a Python 2 print statement, at its line, and not print(...)', async () => {
  expect(await fixtureFindings('python2-syntax')).toEqual([
    { file: 'print_statement.py', line: 5, rule: 'python2-syntax', severity: 'error',
      message: 'Python 2 print statement: Airflow 3 runs Python 3, write print(...)' },
  ]);
}, 30_000);
