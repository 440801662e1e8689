/**
 * The engine's own copy of the template: the folder that holds action.yml,
 * base/ and components/ above the running code (dist/cli.js in a release,
 * src/ in development). `init` and `upgrade` take the template from here, so
 * a repository gets exactly the files of the engine version that writes them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError, UsageError } from '../errors.ts';

/** The folders a team's repository takes from the engine unchanged, and replaces on upgrade. */
export const vendoredFolders = ['base', 'components', 'cluster'] as const;

export function isEngineRoot(dir: string): boolean {
  return existsSync(join(dir, 'action.yml')) && existsSync(join(dir, 'base', 'kustomization.yaml'));
}

/** The engine root above `start` (default: this module's own file). */
export function findEngineRoot(start: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (isEngineRoot(dir)) return dir;
    if (dirname(dir) === dir) throw new EnvironmentError(`no airflow-gitops engine (action.yml and base/) above ${start}`);
  }
}

export function checkEngineRoot(dir: string, source: string): string {
  if (!isEngineRoot(dir)) throw new UsageError(`${source} ${dir} is not an airflow-gitops checkout (no action.yml and base/kustomization.yaml)`);
  return dir;
}

/** The engine's version as a release tag: v + package.json's version. */
export function engineVersion(root: string): string {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) throw new EnvironmentError(`${join(root, 'package.json')}: no plain version`);
  return `v${version}`;
}

/** Every file under `folder` of `root`, by its path from `root` with forward slashes, sorted. */
export function filesUnder(root: string, folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const top = join(root, folder);
  if (!existsSync(top)) return files;
  const names = readdirSync(top, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of names) files.set(relative(root, file).split(sep).join('/'), readFileSync(file));
  return files;
}

export function vendoredFiles(root: string): Map<string, Buffer> {
  return new Map(vendoredFolders.flatMap((folder) => [...filesUnder(root, folder)]));
}
