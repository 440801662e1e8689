/**
 * Which program renders overlays: a standalone `kustomize` on PATH if there is
 * one (it follows kustomize releases), else `kubectl kustomize` (bundled, older).
 */
import { execa } from 'execa';
import { EnvironmentError } from '../errors.ts';

export type KustomizeProgram = { command: string; args: string[] };

async function answers(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  const result = await execa(command, args, { env, reject: false, timeout: 10_000 });
  return result.exitCode === 0;
}

export async function locateKustomize(env: NodeJS.ProcessEnv): Promise<KustomizeProgram> {
  if (await answers('kustomize', ['version'], env)) return { command: 'kustomize', args: ['build'] };
  if (await answers('kubectl', ['kustomize', '--help'], env)) return { command: 'kubectl', args: ['kustomize'] };
  throw new EnvironmentError('neither kustomize nor kubectl is on PATH: install one of them to render overlays');
}
