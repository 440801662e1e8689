/** The missing-schedule rule on its fixture folder, test/fixtures/dags/rules/missing-schedule/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports DAGs without schedule (constructor and @dag), not schedule=None', async () => {
  expect(await fixtureFindings('missing-schedule')).toEqual([
    { file: 'schedules.py', line: 4, rule: 'missing-schedule', severity: 'warning',
      message: "DAG 'no_schedule' has no explicit schedule: Airflow 3 defaults to schedule=None (runs only when triggered); write schedule=None if that is what you want" },
    { file: 'schedules.py', line: 11, rule: 'missing-schedule', severity: 'warning',
      message: "DAG 'decorated_no_schedule' has no explicit schedule: Airflow 3 defaults to schedule=None (runs only when triggered); write schedule=None if that is what you want" },
  ]);
}, 30_000);
