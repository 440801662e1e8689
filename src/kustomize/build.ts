/** Runs kustomize on an overlay and returns its YAML, or kustomize's own message naming the overlay. */
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CommandFailure, UsageError } from '../errors.ts';
import { locateKustomize, type KustomizeProgram } from './binary.ts';

const kustomizationFiles = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export async function kustomizeBuild(overlayDir: string, env: NodeJS.ProcessEnv, program?: KustomizeProgram): Promise<string> {
  if (!kustomizationFiles.some((f) => existsSync(join(overlayDir, f)))) {
    throw new UsageError(`${overlayDir}: no kustomization.yaml in this overlay directory`);
  }
  const kustomize = program ?? (await locateKustomize(env));
  const result = await execa(kustomize.command, [...kustomize.args, overlayDir], { env, reject: false, stripFinalNewline: false });
  if (result.exitCode !== 0) {
    const message = result.stderr.trim() || `exit code ${result.exitCode}`;
    throw new CommandFailure(`kustomize could not render ${overlayDir}:\n${message}`);
  }
  return result.stdout;
}
