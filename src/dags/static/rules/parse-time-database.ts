/** A database query at the top level of a DAG file (see parse-time-calls.ts). */
import { method, oneOf, parseTimeRule } from '../parse-time-calls.ts';

// Made once: a rule's matcher runs for every call of every file.
const databaseClients = oneOf([
  'sqlalchemy.create_engine', 'psycopg2.connect', 'psycopg.connect', 'pymysql.connect', 'MySQLdb.connect',
  'mysql.connector.connect', 'sqlite3.connect', 'pymongo.MongoClient', 'redis.Redis', 'redis.StrictRedis',
  'redis.from_url', 'cx_Oracle.connect', 'oracledb.connect', 'snowflake.connector.connect', 'pyodbc.connect',
  'airflow.settings.Session', 'airflow.utils.session.create_session',
]);
const queryMethods = method(['get_records', 'get_first', 'get_pandas_df', 'get_df', 'get_sqlalchemy_engine']);

export const parseTimeDatabase = parseTimeRule({
  id: 'parse-time-database',
  severity: 'warning',
  matches: (callee) => databaseClients(callee) || queryMethods(callee),
  what: 'queries a database',
  instead: 'query it inside a task',
});
