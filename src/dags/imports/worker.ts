/**
 * One python/import_worker.py process: it imports Airflow once, then imports
 * each DAG file it is sent in a forked child, several at once. Requests go to its stdin,
 * replies come back on file descriptor 3 (its stdout is left to DAG code).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { EnvironmentError } from '../../errors.ts';
import type { AirflowEnvironment } from './environment.ts';
import type { ImportReply } from './reply.ts';

/** Importing Airflow the first time compiles its modules: give it time. */
const startTimeoutMs = 180_000;
const keptStderrChars = 4000;
const stderrDrainMs = 500;

export type WorkerSettings = { dagsFolder: string; timeoutSeconds: number; env: NodeJS.ProcessEnv; airflowHome: string };

export class ImportWorker {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, (reply: ImportReply) => void>();
  private readonly ready: Promise<void>;
  private stderr = '';
  private nextId = 1;
  private exited: string | null = null;

  /** `parallel`: how many files the worker imports at once, each in its own forked process. */
  constructor(environment: AirflowEnvironment, settings: WorkerSettings, parallel: number) {
    this.child = spawn(environment.python, [environment.workerScript, settings.dagsFolder, String(settings.timeoutSeconds), String(parallel)], {
      stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
      env: workerEnv(settings),
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-keptStderrChars);
    });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(this.failure(`did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
      const lines = createInterface({ input: this.child.stdio[3] as Readable });
      lines.on('line', (line) => {
        const message = JSON.parse(line) as ImportReply & { ready?: boolean; id?: number };
        if (message.ready) {
          clearTimeout(timer);
          resolve();
          return;
        }
        this.pending.get(Number(message.id))?.(message);
        this.pending.delete(Number(message.id));
      });
      this.child.on('error', (error) => {
        clearTimeout(timer);
        reject(this.failure(error.message));
      });
      this.child.on('exit', (code, signal) => {
        clearTimeout(timer);
        const exited = signal ? `killed by ${signal}` : `exited with status ${code}`;
        this.exited = exited;
        // The worker's last words may still be in the pipe when it exits: they say why.
        void stderrRead(this.child.stderr, stderrDrainMs).then(() => {
          const error = this.failure(exited);
          reject(error);
          for (const settle of this.pending.values()) settle({ outcome: 'crashed', message: error.message });
          this.pending.clear();
        });
      });
    });
  }

  async start(): Promise<void> {
    await this.ready;
  }

  async importFile(file: string): Promise<ImportReply> {
    await this.ready;
    if (this.exited !== null) return { outcome: 'crashed', message: this.failure(this.exited).message };
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.stdin?.write(`${JSON.stringify({ id, file })}\n`);
    });
  }

  /** Ends the worker: closing stdin lets it finish its loop and exit. */
  async stop(): Promise<void> {
    if (this.exited !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin?.end();
    await exited;
  }

  private failure(what: string): EnvironmentError {
    const detail = this.stderr.trim() ? `:\n${this.stderr.trim()}` : '';
    return new EnvironmentError(`the Airflow import worker (${this.child.spawnfile}) ${what}${detail}\nIs Airflow installed? Run 'bash scripts/setup-airflow-venv.sh'.`);
  }
}

/**
 * Resolves once `stream` has ended, or after `ms` at the most: a process the
 * worker started may hold the pipe open long after the worker is gone.
 */
function stderrRead(stream: Readable | null, ms: number): Promise<void> {
  if (stream === null || stream.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    stream.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * A private AIRFLOW_HOME so nothing is read from or written to the user's,
 * examples off, and Airflow's own import timeout set to ours.
 */
export function workerEnv(settings: WorkerSettings): NodeJS.ProcessEnv {
  return {
    ...settings.env,
    AIRFLOW_HOME: settings.airflowHome,
    AIRFLOW__CORE__DAGS_FOLDER: settings.dagsFolder,
    AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
    AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT: String(settings.timeoutSeconds),
    AIRFLOW__CORE__DAGBAG_IMPORT_ERROR_TRACEBACK_DEPTH: '10',
    // Nobody reads the worker's logs; formatting them costs time on every file.
    AIRFLOW__LOGGING__LOGGING_LEVEL: 'ERROR',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
  };
}
