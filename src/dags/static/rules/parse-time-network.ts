/** A network call at the top level of a DAG file (see parse-time-calls.ts). */
import { oneOf, parseTimeRule } from '../parse-time-calls.ts';

export const parseTimeNetwork = parseTimeRule({
  id: 'parse-time-network',
  severity: 'warning',
  matches: oneOf([
    'requests', 'httpx', 'urllib.request.urlopen', 'urllib3', 'http.client', 'aiohttp', 'socket.create_connection',
    'socket.socket', 'smtplib', 'ftplib', 'paramiko.SSHClient', 'boto3.client', 'boto3.resource', 'boto3.Session',
  ]),
  what: 'makes a network call',
  instead: 'make it inside a task',
});
