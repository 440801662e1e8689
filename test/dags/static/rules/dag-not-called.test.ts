/** The dag-not-called rule on its fixture folder, test/fixtures/dags/rules/dag-not-called/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports a @dag function never called, not one that is called', async () => {
  expect(await fixtureFindings('dag-not-called')).toEqual([
    { file: 'decorated.py', line: 5, rule: 'dag-not-called', severity: 'warning',
      message: "the @dag function 'forgotten' is never called, so Airflow finds no DAG in it: call forgotten() at module level" },
  ]);
}, 30_000);
