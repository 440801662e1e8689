/** The dynamic-start-date rule on its fixture folder, test/fixtures/dags/rules/dynamic-start-date/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports a start_date computed at parse time, directly and in default_args, not a fixed date', async () => {
  expect(await fixtureFindings('dynamic-start-date')).toEqual([
    { file: 'start_dates.py', line: 7, rule: 'dynamic-start-date', severity: 'warning',
      message: "DAG 'moving_defaults' has a start_date computed at parse time (pendulum.now(\"UTC\")): it changes on every parse; use a fixed date such as pendulum.datetime(2024, 1, 1, tz=\"UTC\")" },
    { file: 'start_dates.py', line: 9, rule: 'dynamic-start-date', severity: 'warning',
      message: "DAG 'moving' has a start_date computed at parse time (datetime.now()): it changes on every parse; use a fixed date such as pendulum.datetime(2024, 1, 1, tz=\"UTC\")" },
  ]);
}, 30_000);
