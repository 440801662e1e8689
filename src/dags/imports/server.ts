/**
 * The import server (python/import_server.py): Airflow kept imported between
 * runs of `validate --import`, so that a run after a small change pays for
 * the changed files, not for `import airflow`. One server per cache folder
 * and key; the first run starts it, later runs with the same key reuse it,
 * and it exits on its own when idle, when its inputs change or when its
 * socket file goes. Whatever goes wrong with it, the run's files are
 * imported by a worker of the run's own (see import-layer.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { connectedSocket, maxSocketPathBytes, stopServers } from '../local-server.ts';
import type { AirflowEnvironment } from './environment.ts';
import type { ImportReply } from './reply.ts';
import { workerEnv } from './worker.ts';

/** Importing Airflow the first time compiles its modules: give it time. */
const startTimeoutMs = 180_000;

export type ServerSettings = { dagsFolder: string; timeoutSeconds: number; env: NodeJS.ProcessEnv; parallel: number; folder: string };

/** Replies for as many of `files` as the server answered (all, unless it could not start or died). */
export async function importWithServer(files: string[], environment: AirflowEnvironment, settings: ServerSettings): Promise<Map<string, ImportReply>> {
  const key = serverKey(environment, settings);
  const path = join(settings.folder, `server-${key.slice(0, 16)}.sock`);
  if (files.length === 0 || Buffer.byteLength(path) > maxSocketPathBytes) return new Map();
  const environ = Object.fromEntries(perRunVariables.map((name) => [name, settings.env[name] ?? null]));
  // No socket file, no server: start one in this tick, before the static layer takes the thread.
  let run = existsSync(path) ? await openRun(path, key, environ, files) : null;
  if (run === null) {
    try {
      await startServer(path, key, environment, settings);
    } catch {
      return new Map(); // the run's own worker reports what is wrong with the environment
    }
    run = await openRun(path, key, environ, files);
  }
  return run === null ? new Map() : importOver(run, files);
}

/** Asks every import server of a cache folder to stop, and waits until each has closed its socket. */
export function stopImportServers(folder: string): Promise<void> {
  return stopServers(folder, /^server-[0-9a-f]+\.sock$/);
}

/**
 * Variables a shell changes from one command to the next (the command's path,
 * the folder before the last cd, the nesting depth): left out of the key, so
 * that they do not start a server per command, and sent with each run, whose
 * children set the run's own values.
 */
const perRunVariables = ['_', 'OLDPWD', 'PWD', 'SHLVL'];

/**
 * A digest of everything an import's reply depends on besides the files:
 * the interpreter and helper scripts (the environment's fingerprint), the
 * environment variables, the working folder, the dags folder and the limits.
 * Packages installed or changed later are the server's own check.
 */
function serverKey(environment: AirflowEnvironment, settings: ServerSettings): string {
  const env = workerEnv({ ...settings, airflowHome: '' });
  const variables = Object.entries(env)
    .filter(([name, value]) => name !== 'AIRFLOW_HOME' && !perRunVariables.includes(name) && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256')
    .update(JSON.stringify([environment.fingerprint, environment.python, process.cwd(), settings.dagsFolder, settings.timeoutSeconds, settings.parallel, variables]))
    .digest('hex');
}

type Run = { socket: Socket; lines: AsyncIterator<string> };

/**
 * A connection the server accepted for this key, or null (no server, a stale
 * one, or one that is going away). The files go with the first line, so that
 * the server starts on them while it checks that it may answer.
 */
async function openRun(path: string, key: string, environ: Record<string, string | null>, files: string[]): Promise<Run | null> {
  const socket = await connectedSocket(path);
  if (socket === null) return null;
  const lines = createInterface({ input: socket })[Symbol.asyncIterator]();
  const requests = files.map((file, index) => `${JSON.stringify({ id: index + 1, file })}\n`);
  socket.end([`${JSON.stringify({ key, environ })}\n`, ...requests].join(''));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  try {
    const first = await lines.next();
    if (!first.done && (JSON.parse(first.value) as { ready?: boolean }).ready === true) return { socket, lines };
  } catch {
    // A server that went away while answering: start another.
  }
  // A stale server closes the connection once it has removed its socket file and its files.
  await closed;
  return null;
}

async function importOver(run: Run, files: string[]): Promise<Map<string, ImportReply>> {
  const replies = new Map<string, ImportReply>();
  try {
    while (replies.size < files.length) {
      const line = await run.lines.next();
      if (line.done) break;
      const reply = JSON.parse(line.value) as ImportReply & { id: number };
      const file = files[reply.id - 1];
      if (file !== undefined) replies.set(file, reply);
    }
  } catch {
    // The server died mid-run: the files it did not answer go to a worker of this run.
  } finally {
    run.socket.destroy();
  }
  return replies;
}

/**
 * Starts a detached server and waits until it listens. Its AIRFLOW_HOME is a
 * folder of its own beside the socket, which it removes when it exits.
 */
async function startServer(path: string, key: string, environment: AirflowEnvironment, settings: ServerSettings): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const airflowHome = mkdtempSync(join(dirname(path), `home-${key.slice(0, 16)}-`));
  const script = join(dirname(environment.workerScript), 'import_server.py');
  const child = spawn(environment.python, [script, settings.dagsFolder, String(settings.timeoutSeconds), String(settings.parallel), path], {
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
    env: workerEnv({ ...settings, airflowHome }),
  });
  child.stdin?.end(`${key}\n`);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the import server did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
      createInterface({ input: child.stdio[3] as Readable }).once('line', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the import server exited (${signal ?? code}) before it was ready: ${stderr.trim()}`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    // The server outlives this run: nothing of it may keep this process alive.
    child.stderr?.destroy();
    (child.stdio[3] as Readable | null)?.destroy();
    child.unref();
  }
}
