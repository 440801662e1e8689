/**
 * Ruff kept running between runs of `validate`: starting ruff costs about
 * 0.2 s of CPU (its 10 MB WebAssembly module), more than linting the few
 * files a run after a small change has to lint. The first run that needs
 * ruff starts the server, detached, with its Unix socket in the cache
 * folder; later runs reuse it. Each connection is one run: a request a line,
 * `{"path", "text"}`, answered by one line of findings, in order.
 *
 * Results cannot be stale: the socket's name is a digest of the runner, ruff's
 * files and Node's version and path, and the server exits when any of them
 * changes, when its socket file is removed or replaced, or after 10 idle
 * minutes. Whatever goes wrong, the run lints with a child of its own.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { connectedSocket, maxSocketPathBytes, stopServers } from '../local-server.ts';
import type { Finding } from '../report.ts';
import { ruffFindings } from './ruff.ts';

type LintInput = { path: string; text: string };

const idleMs = 600_000;
const checkMs = 2_000;
const startTimeoutMs = 60_000;

/** The files whose change ends a server: the runner and ruff's own, with Node itself. */
function ruffFiles(runner: string): string[] {
  const beside = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
  const require = createRequire(import.meta.url);
  const own = (name: string, specifier: string) => {
    try {
      statSync(beside(name));
      return beside(name);
    } catch {
      return require.resolve(specifier);
    }
  };
  return [runner, own('ruff_wasm.cjs', '@astral-sh/ruff-wasm-nodejs'), own('ruff_wasm_bg.wasm', '@astral-sh/ruff-wasm-nodejs/ruff_wasm_bg.wasm'), process.execPath];
}

function fingerprint(runner: string): string {
  const hash = createHash('sha256').update(process.version);
  for (const file of ruffFiles(runner)) {
    try {
      const stat = statSync(file);
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
    } catch {
      hash.update(`${file}\0gone\n`);
    }
  }
  return hash.digest('hex');
}

function socketPath(folder: string, runner: string): string {
  return join(folder, `ruff-${fingerprint(runner).slice(0, 16)}.sock`);
}

/** The findings of every file from the server of this folder, or null when it cannot be had. */
export async function lintWithServer(files: LintInput[], folder: string, runner: string): Promise<Map<string, Finding[]> | null> {
  const path = socketPath(folder, runner);
  if (Buffer.byteLength(path) > maxSocketPathBytes) return null;
  let socket = await connectedSocket(path);
  if (socket === null) {
    if (!(await startServer(path, runner))) return null;
    socket = await connectedSocket(path);
    if (socket === null) return null;
  }
  const results = new Map<string, Finding[]>();
  const lines = createInterface({ input: socket })[Symbol.asyncIterator]();
  socket.end(files.map((file) => `${JSON.stringify(file)}\n`).join(''));
  try {
    for (const file of files) {
      const line = await lines.next();
      if (line.done) return null;
      results.set(file.path, JSON.parse(line.value) as Finding[]);
    }
  } catch {
    return null; // a server that died mid-run: the caller lints with a child of its own
  } finally {
    socket.destroy();
  }
  return results;
}

/** Asks every ruff server of a folder to stop, and waits until each has removed its socket. */
export function stopRuffServers(folder: string): Promise<void> {
  return stopServers(folder, /^ruff-[0-9a-f]+\.sock$/);
}

async function startServer(path: string, runner: string): Promise<boolean> {
  mkdirSync(join(path, '..'), { recursive: true });
  const child = spawn(process.execPath, ['--liftoff-only', runner, '--serve', path], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), startTimeoutMs);
      createInterface({ input: child.stdout }).once('line', () => {
        clearTimeout(timer);
        resolve(true);
      });
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
  } finally {
    child.stdout.destroy();
    child.unref();
  }
}

/** The server's side (ruff-runner.ts --serve <socket>): never returns. */
export function serveRuff(path: string, runner: string): void {
  const started = fingerprint(runner);
  try {
    unlinkSync(path); // left by a server that was killed
  } catch {
    // none there
  }
  let lastRun = Date.now();
  let inode = 0;
  const server = createServer((connection) => {
    lastRun = Date.now();
    connection.on('error', () => connection.destroy());
    const lines = createInterface({ input: connection });
    lines.on('line', (line) => {
      const request = JSON.parse(line) as LintInput & { stop?: boolean };
      if (request.stop) return end();
      connection.write(`${JSON.stringify(ruffFindings(request.path, request.text))}\n`);
    });
    lines.on('close', () => connection.end());
  });
  const stillOurs = (): boolean => {
    try {
      return statSync(path).ino === inode;
    } catch {
      return false;
    }
  };
  const end = (): never => {
    if (stillOurs()) unlinkSync(path);
    process.exit(0);
  };
  server.listen(path, () => {
    chmodSync(path, 0o600);
    inode = statSync(path).ino;
    process.stdout.write('ready\n');
    setInterval(() => {
      if (!stillOurs() || Date.now() - lastRun > idleMs || fingerprint(runner) !== started) end();
    }, checkMs);
  });
}
