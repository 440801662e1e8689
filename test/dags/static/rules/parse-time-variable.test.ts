/** The parse-time-variable rule on its fixture folder, test/fixtures/dags/rules/parse-time-variable/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports Variable.get at the top level, not inside a task', async () => {
  expect(await fixtureFindings('parse-time-variable')).toEqual([
    { file: 'variable.py', line: 5, rule: 'parse-time-variable', severity: 'warning',
      message: 'Variable.get(...) reads or writes an Airflow Variable every time Airflow parses this file: read it inside a task, or in a template: {{ var.value.name }}' },
  ]);
}, 30_000);
