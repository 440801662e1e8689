/**
 * src/kustomize owns running the kustomize program and parsing its YAML
 * stream; tracking labels and the rest belong to the engine.
 *
 * Runs kustomize on an overlay and returns its YAML, or kustomize's own
 * message naming the overlay.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CommandFailure, UsageError } from '../errors.ts';
import { runKustomize } from './binary.ts';

const kustomizationFiles = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export async function kustomizeBuild(overlayDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (!kustomizationFiles.some((f) => existsSync(join(overlayDir, f)))) {
    throw new UsageError(`${overlayDir}: no kustomization.yaml in this overlay directory`);
  }
  const result = await runKustomize(overlayDir, env);
  if (result.exitCode !== 0) {
    const message = String(result.stderr).trim() || `exit code ${result.exitCode}`;
    throw new CommandFailure(`kustomize could not render ${overlayDir}:\n${message}`);
  }
  return String(result.stdout);
}
