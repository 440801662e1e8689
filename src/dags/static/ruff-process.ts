/**
 * Runs ruff over many files in a child Node process started with
 * `--liftoff-only`. Ruff's WebAssembly module is 10 MB: V8's optimizing tier
 * spends seconds compiling it (and the process waits for that at exit) for no
 * gain on a run this short, while the baseline compiler alone checks 500 files
 * in well under a second. Node 24 freezes V8 flags once started, so the flag
 * has to be given to a new process. Where the runner file is not available
 * (some bundles), ruff runs in this process instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../report.ts';
import type { FileStamp } from '../source.ts';
import { ruffFindings } from './ruff.ts';
import { lintNative } from './ruff-native.ts';
import { lintWithServer } from './ruff-server.ts';

export type LintInput = { path: string; text: string; absolute?: string; stamp?: FileStamp };

export type LintOptions = {
  /** The native ruff (ruff-binary.ts); null or absent: the WebAssembly build. */
  native?: string | null;
  /** The WebAssembly build kept running by `validate --watch`. */
  resident?: RuffProcess | undefined;
  /** The cache folder of a ruff server (ruff-server.ts). */
  serverFolder?: string | null;
};

function runnerPath(): string | null {
  for (const name of ['ruff-runner.ts', 'ruff-runner.js']) {
    const candidate = fileURLToPath(new URL(`./${name}`, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Up to this many files, a running WebAssembly child (about a millisecond a
 * file) answers sooner than a native ruff started for them (about 10 ms).
 */
const residentUpTo = 10;

/**
 * The findings of every file: from `resident` (validate --watch) for a few
 * files, else from the native ruff when there is one, else from `resident`,
 * else from the ruff server in `serverFolder` when given (see
 * ruff-server.ts), else from a child started for this run.
 */
export async function lintAll(files: LintInput[], options: LintOptions = {}): Promise<Map<string, Finding[]>> {
  const results = new Map<string, Finding[]>();
  if (files.length === 0) return results;
  if (options.resident && (!options.native || files.length <= residentUpTo)) return options.resident.lint(files);
  if (options.native) return lintNative(options.native, files);
  const runner = runnerPath();
  const served = runner !== null && options.serverFolder ? await lintWithServer(files.map(({ path, text }) => ({ path, text })), options.serverFolder, runner) : null;
  if (served !== null) return served;
  if (runner === null) {
    for (const file of files) results.set(file.path, ruffFindings(file.path, file.text));
    return results;
  }
  const ruff = new RuffProcess(runner);
  try {
    return await ruff.lint(files);
  } finally {
    await ruff.stop();
  }
}

/** A ruff child that checks the files it is sent, one request a line, until stopped. */
export class RuffProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private readonly replies: AsyncIterator<string>;
  private stderr = '';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(runner: string | null = runnerPath()) {
    if (runner === null) throw new Error('the ruff runner is missing beside the validator');
    this.child = spawn(process.execPath, ['--liftoff-only', runner], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on('close', resolve));
    this.replies = createInterface({ input: this.child.stdout as Readable })[Symbol.asyncIterator]();
  }

  /** The findings of each file; calls run one after the other. */
  lint(files: LintInput[]): Promise<Map<string, Finding[]>> {
    const result = this.queue.then(() => this.exchange(files));
    this.queue = result.catch(() => undefined);
    return result;
  }

  async stop(): Promise<void> {
    this.child.stdin?.end();
    const code = await this.exited;
    if (code !== 0) throw new Error(`ruff runner exited with status ${code}: ${this.stderr.trim()}`);
  }

  private async exchange(files: LintInput[]): Promise<Map<string, Finding[]>> {
    const results = new Map<string, Finding[]>();
    const stdin = this.child.stdin as Writable;
    const writing = (async () => {
      for (const file of files) {
        if (!stdin.write(`${JSON.stringify({ path: file.path, text: file.text })}\n`)) await new Promise((resolve) => stdin.once('drain', resolve));
      }
    })();
    for (const file of files) {
      const line = await this.replies.next();
      if (line.done) throw new Error(`ruff runner exited with status ${await this.exited} after ${results.size} of ${files.length} files: ${this.stderr.trim()}`);
      results.set(file.path, JSON.parse(line.value) as Finding[]);
    }
    await writing;
    return results;
  }
}
