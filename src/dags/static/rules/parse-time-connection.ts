/** A connection or secret looked up at the top level of a DAG file (see parse-time-calls.ts). */
import { method, oneOf, parseTimeRule } from '../parse-time-calls.ts';

// Made once: a rule's matcher runs for every call of every file.
const secretMethods = method(['get_connection', 'get_connection_from_secrets', 'get_conn', 'get_conn_value', 'get_conn_uri', 'get_secret', 'get_secret_value']);
const vaultClient = oneOf(['hvac.Client']);

export const parseTimeConnection = parseTimeRule({
  id: 'parse-time-connection',
  severity: 'warning',
  matches: (callee) => /^airflow\..*\bConnection\.(get|get_connection_from_secrets)$/.test(callee) || secretMethods(callee) || vaultClient(callee),
  what: 'looks up a connection or a secret',
  instead: 'look it up inside a task, or in a template: {{ conn.my_conn_id }}',
});
