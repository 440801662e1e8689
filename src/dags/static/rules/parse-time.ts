/**
 * Work done while Airflow parses the file. The dag-processor imports every
 * DAG file again and again (every 30 s by default), so a Variable read, a
 * connection lookup, a network or database call at that level runs thousands
 * of times a day, slows parsing for every DAG, and breaks the import when the
 * remote side is down. Such calls belong inside tasks or Jinja templates.
 */
import type { Finding } from '../../report.ts';
import type { DagModel } from '../dag-model.ts';
import { finding } from './finding.ts';

type Category = { rule: string; matches: (callee: string) => boolean; what: string; instead: string };

const oneOf = (names: string[]) => (callee: string) => names.some((name) => callee === name || callee.startsWith(`${name}.`));
const method = (names: string[]) => (callee: string) => names.includes(callee.slice(callee.lastIndexOf('.') + 1));

const categories: Category[] = [
  {
    rule: 'parse-time-variable',
    matches: (callee) => /^airflow\..*\bVariable\.(get|set|setdefault|update|delete|get_variable_from_secrets)$/.test(callee),
    what: 'reads or writes an Airflow Variable',
    instead: 'read it inside a task, or in a template: {{ var.value.name }}',
  },
  {
    rule: 'parse-time-connection',
    matches: (callee) =>
      /^airflow\..*\bConnection\.(get|get_connection_from_secrets)$/.test(callee) ||
      method(['get_connection', 'get_connection_from_secrets', 'get_conn', 'get_conn_value', 'get_conn_uri', 'get_secret', 'get_secret_value'])(callee) ||
      oneOf(['hvac.Client'])(callee),
    what: 'looks up a connection or a secret',
    instead: 'look it up inside a task, or in a template: {{ conn.my_conn_id }}',
  },
  {
    rule: 'parse-time-network',
    matches: oneOf([
      'requests', 'httpx', 'urllib.request.urlopen', 'urllib3', 'http.client', 'aiohttp', 'socket.create_connection',
      'socket.socket', 'smtplib', 'ftplib', 'paramiko.SSHClient', 'boto3.client', 'boto3.resource', 'boto3.Session',
    ]),
    what: 'makes a network call',
    instead: 'make it inside a task',
  },
  {
    rule: 'parse-time-database',
    matches: (callee) =>
      oneOf([
        'sqlalchemy.create_engine', 'psycopg2.connect', 'psycopg.connect', 'pymysql.connect', 'MySQLdb.connect',
        'mysql.connector.connect', 'sqlite3.connect', 'pymongo.MongoClient', 'redis.Redis', 'redis.StrictRedis',
        'redis.from_url', 'cx_Oracle.connect', 'oracledb.connect', 'snowflake.connector.connect', 'pyodbc.connect',
        'airflow.settings.Session', 'airflow.utils.session.create_session',
      ])(callee) || method(['get_records', 'get_first', 'get_pandas_df', 'get_df', 'get_sqlalchemy_engine'])(callee),
    what: 'queries a database',
    instead: 'query it inside a task',
  },
];

export function parseTimeAccess(file: string, model: DagModel): Finding[] {
  const findings: Finding[] = [];
  for (const call of model.parseTimeCalls) {
    const category = categories.find((candidate) => candidate.matches(call.callee));
    if (!category) continue;
    const shortName = call.callee.split('.').slice(-2).join('.');
    findings.push(finding(file, call.place, 'warning', category.rule,
      `${shortName}(...) ${category.what} every time Airflow parses this file: ${category.instead}`));
  }
  return findings;
}
