/**
 * Every DAG should say when it runs. Airflow 3 changed the default from a
 * daily schedule to `None` (manual runs only), so a DAG written for Airflow 2
 * without `schedule` silently stops running.
 */
import type { Finding } from '../../report.ts';
import type { DagModel } from '../dag-model.ts';
import { finding, quote } from './finding.ts';

export function missingSchedule(file: string, model: DagModel): Finding[] {
  return model.dags
    .filter((dag) => !dag.splat && !['schedule', 'schedule_interval', 'timetable'].some((name) => dag.keywords.has(name)))
    .map((dag) =>
      finding(file, dag.place, 'warning', 'missing-schedule',
        `DAG ${quote(dag.dagId)} has no explicit schedule: Airflow 3 defaults to schedule=None (runs only when triggered); write schedule=None if that is what you want`),
    );
}
