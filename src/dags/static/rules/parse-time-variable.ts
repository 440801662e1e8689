/** An Airflow Variable read or written at the top level of a DAG file (see parse-time-calls.ts). */
import { parseTimeRule } from '../parse-time-calls.ts';

export const parseTimeVariable = parseTimeRule({
  id: 'parse-time-variable',
  severity: 'warning',
  matches: (callee) => /^airflow\..*\bVariable\.(get|set|setdefault|update|delete|get_variable_from_secrets)$/.test(callee),
  what: 'reads or writes an Airflow Variable',
  instead: 'read it inside a task, or in a template: {{ var.value.name }}',
});
