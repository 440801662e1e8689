/** The missing-dependency rule on its fixture folder, test/fixtures/dags/rules/missing-dependency/, with the repository's lock. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

const advice = 'is provided by no package in requirements.lock, so the Airflow image and the import check cannot import it: add the distribution that provides it';
const lock = 'to requirements.txt, then run `npx airflow-gitops lock`';

it('reports imports no locked distribution provides at their line, a task\'s import too, and not the standard library, locked packages, the dags folder\'s modules or guarded imports', async () => {
  expect(await fixtureFindings('missing-dependency')).toEqual([
    { file: 'reports.py', line: 10, rule: 'missing-dependency', severity: 'error', message: `\`snowflake.connector\` (\`snowflake\`) ${advice} ${lock}` },
    { file: 'reports.py', line: 11, rule: 'missing-dependency', severity: 'error',
      message: `\`airflow.providers.amazon.aws.hooks.s3\` (\`airflow.providers.amazon\`) ${advice} (apache-airflow-providers-amazon) ${lock}` },
    { file: 'reports.py', line: 27, rule: 'missing-dependency', severity: 'error', message: `\`google.cloud.bigquery\` ${advice} ${lock}` },
  ]);
}, 30_000);
