/** The dependency-cycle rule on its fixture folder, test/fixtures/dags/rules/dependency-cycle/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports the dependency that closes a cycle, naming its tasks, and no DAG without one', async () => {
  expect(await fixtureFindings('dependency-cycle')).toEqual([
    { file: 'cycle.py', line: 12, rule: 'dependency-cycle', severity: 'error',
      message: "dependency cycle in DAG 'looping': extract >> load >> extract; Airflow rejects the DAG (AirflowDagCycleException)" },
  ]);
}, 30_000);
