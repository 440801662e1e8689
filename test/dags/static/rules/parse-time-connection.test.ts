/** The parse-time-connection rule on its fixture folder, test/fixtures/dags/rules/parse-time-connection/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports a connection look-up at the top level, not inside a task', async () => {
  expect(await fixtureFindings('parse-time-connection')).toEqual([
    { file: 'connection.py', line: 5, rule: 'parse-time-connection', severity: 'warning',
      message: 'BaseHook.get_connection(...) looks up a connection or a secret every time Airflow parses this file: look it up inside a task, or in a template: {{ conn.my_conn_id }}' },
  ]);
}, 30_000);
