/** The duplicate-task-id rule on its fixture folder, test/fixtures/dags/rules/duplicate-task-id/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports a repeated task_id and a literal task_id in a loop, not the same id in two TaskGroups nor an id built from the loop variable', async () => {
  expect(await fixtureFindings('duplicate-task-id')).toEqual([
    { file: 'tasks.py', line: 8, rule: 'duplicate-task-id', severity: 'error',
      message: "task_id 'load' is already used in DAG 'task_ids' at line 7: Airflow fails the import with DuplicateTaskIdFound" },
    { file: 'tasks.py', line: 10, rule: 'duplicate-task-id', severity: 'error',
      message: "task_id 'copy' is created on every pass of a loop in DAG 'task_ids': the second pass fails with DuplicateTaskIdFound; build the id from the loop variable" },
  ]);
}, 30_000);
