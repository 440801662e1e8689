/** The skipped-by-airflow rule on its fixture folder, test/fixtures/dags/rules/skipped-by-airflow/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports a file that makes a DAG without the words Airflow looks for, naming its module name, not a helper other files import nor a file that has the words', async () => {
  expect(await fixtureFindings('skipped-by-airflow')).toEqual([
    { file: 'weekly.py', line: 1, rule: 'skipped-by-airflow', severity: 'warning',
      message: 'Airflow never imports this file: in DAG discovery safe mode (the default) it only imports files that contain both "airflow" and "dag" (or "asset"); if it makes DAGs, import from airflow in it or mention both words in a comment; if it is a helper module, DAG files import it as `weekly`' },
  ]);
}, 30_000);
