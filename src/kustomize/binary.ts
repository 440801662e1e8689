/**
 * Which program renders overlays: a standalone `kustomize` on PATH if there is
 * one (it follows kustomize releases), else `kubectl kustomize` (bundled, older).
 * Found by running it, not probing first: a probe would cost a process per render.
 */
import { spawn } from 'node:child_process';
import { EnvironmentError } from '../errors.ts';

export type KustomizeProgram = { command: string; args: string[] };

/** What a run gave: exit code, both outputs in full, and which program ran. */
export type KustomizeRun = { exitCode: number; stdout: string; stderr: string; program: KustomizeProgram };

const standalone: KustomizeProgram = { command: 'kustomize', args: ['build'] };
const viaKubectl: KustomizeProgram = { command: 'kubectl', args: ['kustomize'] };

/**
 * One run, undefined when the program is not installed. node:child_process rather than execa: a
 * deploy renders on every run, and loading execa took longer than kustomize's own start.
 */
function runOnce(program: KustomizeProgram, dir: string, env: NodeJS.ProcessEnv): Promise<KustomizeRun | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(program.command, [...program.args, dir], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(undefined) : reject(error)));
    child.once('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8') + (signal ? `\n(stopped by ${signal})` : '');
      resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr, program });
    });
  });
}

/** Runs `kustomize build <dir>`, falling back to `kubectl kustomize <dir>` when kustomize is not installed. */
export async function runKustomize(dir: string, env: NodeJS.ProcessEnv): Promise<KustomizeRun> {
  for (const program of [standalone, viaKubectl]) {
    const result = await runOnce(program, dir, env);
    if (result) return result;
  }
  throw new EnvironmentError('neither kustomize nor kubectl is on PATH: install one of them to render overlays');
}
