/**
 * Every DAG should say when it runs. Airflow 3 changed the default from a
 * daily schedule to `None` (manual runs only), so a DAG written for Airflow 2
 * without `schedule` silently stops running.
 */
import { fileRule, quote } from '../rule.ts';

export const missingSchedule = fileRule('missing-schedule', 'warning', ({ file, model }, report) =>
  model.dags
    .filter((dag) => !dag.splat && !['schedule', 'schedule_interval', 'timetable'].some((name) => dag.keywords.has(name)))
    .map((dag) =>
      report(file, dag.place,
        `DAG ${quote(dag.dagId)} has no explicit schedule: Airflow 3 defaults to schedule=None (runs only when triggered); write schedule=None if that is what you want`),
    ),
);
