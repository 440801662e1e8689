/**
 * A `@dag` function only makes a DAG when it is called; a file that defines
 * it and never calls it gives Airflow nothing, without any error.
 */
import type { Finding } from '../../report.ts';
import type { DagModel } from '../dag-model.ts';
import { finding } from './finding.ts';

export function uncalledDagFunctions(file: string, model: DagModel): Finding[] {
  return model.dags
    .filter((dag) => dag.style === 'decorator' && dag.functionName !== null && !model.calledNames.has(dag.functionName))
    .map((dag) =>
      finding(file, dag.place, 'warning', 'dag-not-called',
        `the @dag function '${dag.functionName}' is never called, so Airflow finds no DAG in it: call ${dag.functionName}() at module level`),
    );
}
