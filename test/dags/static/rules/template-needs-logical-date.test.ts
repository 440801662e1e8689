/** The template-needs-logical-date rule on its fixture folder, test/fixtures/dags/rules/template-needs-logical-date/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports each logical-date variable in a DAG run only when triggered, and in a .sh template file, with the null-safe form; not the null-safe forms themselves', async () => {
  expect(await fixtureFindings('template-needs-logical-date')).toEqual([
    { file: 'manual.py', line: 7, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`ds` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {{ (dag_run.logical_date or dag_run.run_after) | ds }}' },
    { file: 'manual.py', line: 7, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`ds_nodash` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {{ (dag_run.logical_date or dag_run.run_after) | ds_nodash }}' },
    { file: 'manual.py', line: 8, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`ts` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {{ (dag_run.logical_date or dag_run.run_after) | ts }}' },
    { file: 'manual.py', line: 8, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`ts_nodash` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {{ (dag_run.logical_date or dag_run.run_after) | ts_nodash }}' },
    { file: 'manual.py', line: 8, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`ts_nodash_with_tz` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {{ (dag_run.logical_date or dag_run.run_after) | ts_nodash_with_tz }}' },
    { file: 'manual.py', line: 9, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`logical_date` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {{ dag_run.logical_date or dag_run.run_after }}' },
    { file: 'manual.py', line: 10, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`data_interval_start` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {{ dag_run.data_interval_start or dag_run.run_after }}' },
    { file: 'manual.py', line: 10, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`data_interval_end` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {{ dag_run.data_interval_end or dag_run.run_after }}' },
    { file: 'manual.py', line: 13, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`prev_data_interval_start_success` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {% if prev_data_interval_start_success is defined %}…{% endif %}' },
    { file: 'manual.py', line: 13, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`prev_data_interval_end_success` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template fails with UndefinedError: write {% if prev_data_interval_end_success is defined %}…{% endif %}' },
    { file: 'scripts/load.sh', line: 3, rule: 'template-needs-logical-date', severity: 'warning',
      message: '`ds` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering this template (loaded by bash_command= at manual.py:15) fails with UndefinedError: write {{ (dag_run.logical_date or dag_run.run_after) | ds }}' },
  ]);
}, 30_000);
