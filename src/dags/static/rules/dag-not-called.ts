/**
 * A `@dag` function only makes a DAG when it is called; a file that defines
 * it and never calls it gives Airflow nothing, without any error.
 */
import { fileRule } from '../rule.ts';

export const dagNotCalled = fileRule('dag-not-called', 'warning', ({ file, model }, report) =>
  model.dags
    .filter((dag) => dag.style === 'decorator' && dag.functionName !== null && !model.calledNames.has(dag.functionName))
    .map((dag) =>
      report(file, dag.place,
        `the @dag function '${dag.functionName}' is never called, so Airflow finds no DAG in it: call ${dag.functionName}() at module level`),
    ),
);
