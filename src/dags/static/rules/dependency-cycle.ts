/**
 * Dependency cycles written literally (`a >> b >> a`, set_upstream, chain,
 * TaskFlow arguments). Airflow rejects such a DAG at import with
 * AirflowDagCycleException; this names the tasks and the line that closes it.
 * Tasks created in loops are left out: one name there stands for many tasks.
 */
import type { DagDefinition, Dependency, TaskDefinition } from '../dag-model.ts';
import { fileRule, quote } from '../rule.ts';

export const dependencyCycle = fileRule('dependency-cycle', 'error', ({ file, model }, report) =>
  model.dags.flatMap((dag) => cyclesOf(dag).map(({ path, closing }) =>
    report(file, closing.place,
      `dependency cycle in DAG ${quote(dag.dagId)}: ${path.map(label).join(' >> ')}; Airflow rejects the DAG (AirflowDagCycleException)`),
  )),
);

type Cycle = { path: TaskDefinition[]; closing: Dependency };

function cyclesOf(dag: DagDefinition): Cycle[] {
  const edges = new Map<TaskDefinition, Dependency[]>();
  for (const dependency of dag.dependencies) {
    if (dependency.upstream.repeated || dependency.downstream.repeated) continue;
    edges.set(dependency.upstream, [...(edges.get(dependency.upstream) ?? []), dependency]);
  }
  const state = new Map<TaskDefinition, 'open' | 'done'>();
  const stack: TaskDefinition[] = [];
  const cycles: Cycle[] = [];
  const visit = (task: TaskDefinition): void => {
    state.set(task, 'open');
    stack.push(task);
    for (const dependency of edges.get(task) ?? []) {
      const next = dependency.downstream;
      if (state.get(next) === 'open') cycles.push({ path: [...stack.slice(stack.indexOf(next)), next], closing: dependency });
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(task, 'done');
  };
  for (const task of dag.tasks) if (!state.has(task)) visit(task);
  return cycles;
}

function label(task: TaskDefinition): string {
  return task.taskId ?? `<task at line ${task.place.line}>`;
}
