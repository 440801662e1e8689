// Real server programs for the component tests: PostgreSQL and PgBouncer from
// Debian, the statsd exporter built from its Go module, Airflow's Python with
// the test extras. Servers that refuse root (PostgreSQL, PgBouncer) run as
// `nobody` when the tests run as root; as any other user they run as it.
import { execa, type ResultPromise } from 'execa';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../paths.ts';

export const airflowPython = join(repoRoot, '.venv', 'airflow', 'bin', 'python');
export const airflowBin = join(repoRoot, '.venv', 'airflow', 'bin', 'airflow');
export const airflowExtras = join(repoRoot, '.venv', 'airflow-extras');
export const statsdExporter = join(repoRoot, '.cache', 'bin', 'statsd_exporter');

const nobody = 65534;
const isRoot = process.getuid?.() === 0;

/** Fails with the command that installs what is missing. */
export function requireFile(path: string, installedBy: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${installedBy}`);
}

/** A folder the server user owns (nobody under root). */
export function serverDir(parent: string, name: string): string {
  const dir = mkdtempSync(join(parent, `${name}-`));
  chmodSync(dir, 0o700);
  if (isRoot) chownSync(dir, nobody, nobody);
  return dir;
}

/** Writes a file the server user alone can read. */
export function serverFile(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  if (isRoot) chownSync(path, nobody, nobody);
}

/** argv that runs `command` as the server user. */
export function asServerUser(command: string, args: string[]): [string, string[]] {
  return isRoot ? ['setpriv', [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', command, ...args]] : [command, args];
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once something accepts TCP connections on the port; rejects when `server` ends first. */
export async function waitForPort(port: number, server: ResultPromise, what: string, host = '127.0.0.1'): Promise<void> {
  let ended = false;
  void server.then(() => (ended = true), () => (ended = true));
  for (let i = 0; i < 300; i++) {
    if (ended) throw new Error(`${what} exited: ${String((await server.catch((e: unknown) => e)) as unknown)}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host, () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} does not listen on ${port}`);
}

/** The bin folder of the newest PostgreSQL from Debian. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  requireFile(root, 'apt-get install postgresql (scripts/test.sh does)');
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (versions[0] === undefined) throw new Error(`no PostgreSQL under ${root}`);
  return join(root, versions[0], 'bin');
}

export interface Postgres {
  port: number;
  stop: () => void;
}

/** A fresh PostgreSQL on loopback with SCRAM password authentication, user `user`, database `database`. */
export async function startPostgres(parent: string, user: string, password: string, database: string): Promise<Postgres> {
  const bin = postgresBin();
  const dir = serverDir(parent, 'postgres');
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pwfile');
  serverFile(pwfile, `${password}\n`);
  const init = await execa(...asServerUser(join(bin, 'initdb'), ['-D', data, '-U', user, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-sync']), { reject: false });
  if (init.exitCode !== 0) throw new Error(`initdb: ${init.stderr}`);
  const port = await freePort();
  const server = execa(...asServerUser(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'fsync=off']), { reject: false });
  await waitForPort(port, server, 'postgres');
  const env = { PGPASSWORD: password };
  for (let i = 0; i < 50; i++) {
    const created = await execa(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], { env, reject: false });
    if (created.exitCode === 0) break;
    if (i === 49) throw new Error(`createdb: ${created.stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, stop: () => server.kill() };
}
