/**
 * Runs ruff over many files in a child Node process started with
 * `--liftoff-only`. Ruff's WebAssembly module is 10 MB: V8's optimizing tier
 * spends seconds compiling it (and the process waits for that at exit) for no
 * gain on a run this short, while the baseline compiler alone checks 500 files
 * in well under a second. Node 24 freezes V8 flags once started, so the flag
 * has to be given to a new process. Where the runner file is not available
 * (some bundles), ruff runs in this process instead.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../report.ts';
import { ruffFindings } from './ruff.ts';

export type LintInput = { path: string; text: string };

function runnerPath(): string | null {
  for (const name of ['ruff-runner.ts', 'ruff-runner.js']) {
    const candidate = fileURLToPath(new URL(`./${name}`, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export async function lintAll(files: LintInput[]): Promise<Map<string, Finding[]>> {
  const results = new Map<string, Finding[]>();
  const runner = runnerPath();
  if (files.length === 0) return results;
  if (runner === null) {
    for (const file of files) results.set(file.path, ruffFindings(file.path, file.text));
    return results;
  }
  const child = spawn(process.execPath, ['--liftoff-only', runner], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const pending = [...files];
  const lines = createInterface({ input: child.stdout });
  const writing = (async () => {
    for (const file of files) {
      if (!child.stdin.write(`${JSON.stringify(file)}\n`)) await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
    child.stdin.end();
  })();
  for await (const line of lines) {
    const file = pending.shift();
    if (file) results.set(file.path, JSON.parse(line) as Finding[]);
  }
  await writing;
  const code = await exited;
  if (code !== 0 || pending.length > 0) throw new Error(`ruff runner exited with status ${code} after ${results.size} of ${files.length} files: ${stderr.trim()}`);
  return results;
}
