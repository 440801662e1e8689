/** The parse-time-database rule on its fixture folder, test/fixtures/dags/rules/parse-time-database/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports a database query at the top level, not inside a task', async () => {
  expect(await fixtureFindings('parse-time-database')).toEqual([
    { file: 'database.py', line: 7, rule: 'parse-time-database', severity: 'warning',
      message: 'sqlite3.connect(...) queries a database every time Airflow parses this file: query it inside a task' },
  ]);
}, 30_000);
