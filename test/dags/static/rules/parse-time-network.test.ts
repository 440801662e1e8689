/** The parse-time-network rule on its fixture folder, test/fixtures/dags/rules/parse-time-network/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports a network call at the top level, not inside a task', async () => {
  expect(await fixtureFindings('parse-time-network')).toEqual([
    { file: 'network.py', line: 6, rule: 'parse-time-network', severity: 'warning',
      message: 'requests.get(...) makes a network call every time Airflow parses this file: make it inside a task' },
  ]);
}, 30_000);
