/**
 * What Airflow 3's template context holds, for the template rules.
 *
 * Removed: the keys Airflow 3.0 took out of the context (its upgrade notes:
 * "Removed execution_date, next_ds, next_ds_nodash, next_execution_date,
 * prev_ds, prev_ds_nodash, prev_execution_date, prev_execution_date_success,
 * tomorrow_ds, yesterday_ds and yesterday_ds_nodash from Airflow context",
 * plus `conf`, `tomorrow_ds_nodash` and the dataset-era name of asset events),
 * each with what to write instead, from Airflow 2's deprecation messages where
 * there was one.
 *
 * Logical date: the keys Airflow 3 sets only when the run has a logical date
 * (airflow.sdk.execution_time.task_runner's template context). Runs triggered
 * through the REST API, the CLI or by assets have none, and then these names
 * are undefined and rendering fails.
 */

/** Each removed key with what to do instead. */
export const removedVariables: Record<string, string> = {
  execution_date: 'write {{ logical_date }} instead',
  next_ds: 'write {{ data_interval_end | ds }} instead',
  next_ds_nodash: 'write {{ data_interval_end | ds_nodash }} instead',
  next_execution_date: 'write {{ data_interval_end }} instead',
  prev_ds: 'write {{ prev_data_interval_start_success | ds }} for the last successful run, or {{ macros.ds_add(ds, -1) }} for the day before',
  prev_ds_nodash: 'write {{ prev_data_interval_start_success | ds_nodash }} for the last successful run',
  prev_execution_date: 'write {{ prev_data_interval_start_success }} for the last successful run',
  prev_execution_date_success: 'write {{ prev_data_interval_start_success }} instead',
  tomorrow_ds: 'write {{ macros.ds_add(ds, 1) }} instead',
  tomorrow_ds_nodash: 'write {{ macros.ds_format(macros.ds_add(ds, 1), "%Y-%m-%d", "%Y%m%d") }} instead',
  yesterday_ds: 'write {{ macros.ds_add(ds, -1) }} instead',
  yesterday_ds_nodash: 'write {{ macros.ds_format(macros.ds_add(ds, -1), "%Y-%m-%d", "%Y%m%d") }} instead',
  conf: 'read the setting in the task code instead (from airflow.configuration import conf)',
  triggering_dataset_events: 'write {{ triggering_asset_events }} instead',
};

/** Each logical-date key with a null-safe way to write it. */
export const logicalDateVariables: Record<string, string> = {
  ds: '{{ (dag_run.logical_date or dag_run.run_after) | ds }}',
  ds_nodash: '{{ (dag_run.logical_date or dag_run.run_after) | ds_nodash }}',
  ts: '{{ (dag_run.logical_date or dag_run.run_after) | ts }}',
  ts_nodash: '{{ (dag_run.logical_date or dag_run.run_after) | ts_nodash }}',
  ts_nodash_with_tz: '{{ (dag_run.logical_date or dag_run.run_after) | ts_nodash_with_tz }}',
  logical_date: '{{ dag_run.logical_date or dag_run.run_after }}',
  data_interval_start: '{{ dag_run.data_interval_start or dag_run.run_after }}',
  data_interval_end: '{{ dag_run.data_interval_end or dag_run.run_after }}',
  prev_data_interval_start_success: '{% if prev_data_interval_start_success is defined %}…{% endif %}',
  prev_data_interval_end_success: '{% if prev_data_interval_end_success is defined %}…{% endif %}',
};
