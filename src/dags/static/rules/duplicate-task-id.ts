/**
 * Task ids that repeat within a DAG: Airflow fails the whole file with
 * DuplicateTaskIdFound. A literal task_id inside a loop repeats too.
 * TaskFlow calls are left out: Airflow gives repeated calls unique ids.
 */
import type { Finding } from '../../report.ts';
import type { TaskDefinition } from '../dag-model.ts';
import { fileRule, quote } from '../rule.ts';

export const duplicateTaskId = fileRule('duplicate-task-id', 'error', ({ file, model }, report) => {
  const findings: Finding[] = [];
  for (const dag of model.dags) {
    const first = new Map<string, TaskDefinition>();
    for (const task of dag.tasks) {
      if (task.taskflow || task.taskId === null || task.namespace === null) continue;
      const key = `${task.namespace}\0${task.taskId}`;
      const earlier = first.get(key);
      if (earlier) {
        findings.push(report(file, task.place,
          `task_id '${task.taskId}' is already used in DAG ${quote(dag.dagId)} at line ${earlier.place.line}: Airflow fails the import with DuplicateTaskIdFound`));
        continue;
      }
      first.set(key, task);
      if (task.repeated) {
        findings.push(report(file, task.place,
          `task_id '${task.taskId}' is created on every pass of a loop in DAG ${quote(dag.dagId)}: the second pass fails with DuplicateTaskIdFound; build the id from the loop variable`));
      }
    }
  }
  return findings;
});
