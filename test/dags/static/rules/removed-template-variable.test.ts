/** The removed-template-variable rule on its fixture folder, test/fixtures/dags/rules/removed-template-variable/. */
import { expect, it } from 'vitest';
import { fixtureFindings } from '../../../support/dags.ts';

it('reports each removed context variable at its place in the template, in a constant, in templates_dict and in a .sql template file, each with its replacement; not a guarded read, a variable the template sets, nor doc_md', async () => {
  expect(await fixtureFindings('removed-template-variable')).toEqual([
    { file: 'queries/report.sql', line: 3, rule: 'removed-template-variable', severity: 'error',
      message: '`tomorrow_ds` was removed from the template context in Airflow 3, so rendering this template (loaded by sql= at removed.py:25) fails with UndefinedError: write {{ macros.ds_add(ds, 1) }} instead' },
    { file: 'removed.py', line: 8, rule: 'removed-template-variable', severity: 'error',
      message: '`prev_execution_date` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ prev_data_interval_start_success }} for the last successful run' },
    { file: 'removed.py', line: 11, rule: 'removed-template-variable', severity: 'error',
      message: '`execution_date` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ logical_date }} instead' },
    { file: 'removed.py', line: 12, rule: 'removed-template-variable', severity: 'error',
      message: '`next_ds` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ data_interval_end | ds }} instead' },
    { file: 'removed.py', line: 12, rule: 'removed-template-variable', severity: 'error',
      message: '`next_ds_nodash` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ data_interval_end | ds_nodash }} instead' },
    { file: 'removed.py', line: 13, rule: 'removed-template-variable', severity: 'error',
      message: '`next_execution_date` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ data_interval_end }} instead' },
    { file: 'removed.py', line: 14, rule: 'removed-template-variable', severity: 'error',
      message: '`prev_ds` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ prev_data_interval_start_success | ds }} for the last successful run, or {{ macros.ds_add(ds, -1) }} for the day before' },
    { file: 'removed.py', line: 14, rule: 'removed-template-variable', severity: 'error',
      message: '`prev_ds_nodash` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ prev_data_interval_start_success | ds_nodash }} for the last successful run' },
    { file: 'removed.py', line: 16, rule: 'removed-template-variable', severity: 'error',
      message: '`prev_execution_date_success` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ prev_data_interval_start_success }} instead' },
    { file: 'removed.py', line: 17, rule: 'removed-template-variable', severity: 'error',
      message: '`tomorrow_ds` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ macros.ds_add(ds, 1) }} instead' },
    { file: 'removed.py', line: 17, rule: 'removed-template-variable', severity: 'error',
      message: '`tomorrow_ds_nodash` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ macros.ds_format(macros.ds_add(ds, 1), "%Y-%m-%d", "%Y%m%d") }} instead' },
    { file: 'removed.py', line: 19, rule: 'removed-template-variable', severity: 'error',
      message: '`yesterday_ds` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ macros.ds_add(ds, -1) }} instead' },
    { file: 'removed.py', line: 20, rule: 'removed-template-variable', severity: 'error',
      message: '`yesterday_ds_nodash` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ macros.ds_format(macros.ds_add(ds, -1), "%Y-%m-%d", "%Y%m%d") }} instead' },
    { file: 'removed.py', line: 22, rule: 'removed-template-variable', severity: 'error',
      message: '`conf` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: read the setting in the task code instead (from airflow.configuration import conf)' },
    { file: 'removed.py', line: 23, rule: 'removed-template-variable', severity: 'error',
      message: '`triggering_dataset_events` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ triggering_asset_events }} instead' },
    { file: 'removed.py', line: 24, rule: 'removed-template-variable', severity: 'error',
      message: '`execution_date` was removed from the template context in Airflow 3, so rendering this template fails with UndefinedError: write {{ logical_date }} instead' },
  ]);
}, 30_000);
