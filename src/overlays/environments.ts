/**
 * src/overlays owns the overlay model: environment names and folders,
 * environments.yaml, the pinned ref file, and the pinned Airflow image.
 *
 * Environments are the folders under overlays/; their names end up in object
 * names and labels.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.ts';

const validName = /^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/;

export function overlaysRoot(repoRoot: string): string {
  return join(repoRoot, 'overlays');
}

export function listEnvironments(repoRoot: string): string[] {
  const root = overlaysRoot(repoRoot);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'kustomization.yaml')))
    .map((d) => d.name)
    .sort();
}

export function checkEnvironmentName(name: string): string {
  if (!validName.test(name)) {
    throw new UsageError(`environment ${JSON.stringify(name)} is not a valid name: lowercase letters, digits and '-', at most 40 characters`);
  }
  return name;
}

/** The overlay folder of `environment`, or `explicit` when given (--overlay). */
export function overlayDirFor(repoRoot: string, environment: string, explicit?: string): string {
  if (explicit) return resolve(repoRoot, explicit);
  const dir = join(overlaysRoot(repoRoot), environment);
  if (!existsSync(join(dir, 'kustomization.yaml'))) {
    const known = listEnvironments(repoRoot);
    throw new UsageError(`no overlay for environment '${environment}' at ${dir}${known.length > 0 ? ` (environments: ${known.join(', ')})` : ''}`);
  }
  return dir;
}
