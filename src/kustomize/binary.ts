/**
 * Which program renders overlays: a standalone `kustomize` on PATH if there is
 * one (it follows kustomize releases), else `kubectl kustomize` (bundled, older).
 * Found by running it, not probing first: a probe would cost a process per render.
 */
import { execa, type Result } from 'execa';
import { EnvironmentError } from '../errors.ts';

export type KustomizeProgram = { command: string; args: string[] };

const standalone: KustomizeProgram = { command: 'kustomize', args: ['build'] };
const viaKubectl: KustomizeProgram = { command: 'kubectl', args: ['kustomize'] };

function missing(result: Result): boolean {
  return (result as { code?: string }).code === 'ENOENT';
}

/** Runs `kustomize build <dir>`, falling back to `kubectl kustomize <dir>` when kustomize is not installed. */
export async function runKustomize(dir: string, env: NodeJS.ProcessEnv): Promise<Result & { program: KustomizeProgram }> {
  for (const program of [standalone, viaKubectl]) {
    const result = await execa(program.command, [...program.args, dir], { env, reject: false, stripFinalNewline: false });
    if (!missing(result)) return Object.assign(result, { program });
  }
  throw new EnvironmentError('neither kustomize nor kubectl is on PATH: install one of them to render overlays');
}
