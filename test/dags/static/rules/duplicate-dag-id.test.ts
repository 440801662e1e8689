/** The duplicate-dag-id rule on its fixture folder, test/fixtures/dags/rules/duplicate-dag-id/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports a dag_id used in two files and a literal dag_id in a loop, not one built from the loop variable', async () => {
  expect(await fixtureFindings('duplicate-dag-id')).toEqual([
    { file: 'second.py', line: 4, rule: 'duplicate-dag-id', severity: 'error',
      message: "dag_id 'daily_report' is also defined in first.py:4: Airflow keeps one of them and the other disappears" },
    { file: 'second.py', line: 8, rule: 'duplicate-dag-id', severity: 'error',
      message: "dag_id 'regional' is created on every pass of a loop: each DAG replaces the previous one; build the id from the loop variable" },
  ]);
}, 30_000);
