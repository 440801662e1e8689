/**
 * Where the files of the team's lock live. The repository's own files are at
 * its root; the base lock, uv and the venv script come with the engine (the
 * same checkout in this repository).
 */
import { join, relative, sep } from 'node:path';

export const requirementsFileName = 'requirements.txt';
export const lockFileName = 'requirements.lock';
export const moduleMapFileName = 'requirements.modules.json';

export type LockPaths = {
  root: string;
  requirements: string;
  lock: string;
  moduleMap: string;
  kustomization: string;
  engineRoot: string;
  baseLock: string;
  /** Names of the files as the repository root sees them, for messages and the header. */
  names: { requirements: string; lock: string; moduleMap: string; kustomization: string; baseLock: string };
};

export function lockPaths(root: string, engineRoot: string): LockPaths {
  const baseLock = join(engineRoot, 'python', 'requirements', 'airflow.lock');
  const name = (path: string) => relative(root, path).split(sep).join('/');
  const paths = {
    root,
    requirements: join(root, requirementsFileName),
    lock: join(root, lockFileName),
    moduleMap: join(root, moduleMapFileName),
    kustomization: join(root, 'base', 'kustomization.yaml'),
    engineRoot,
    baseLock,
  };
  return {
    ...paths,
    names: { requirements: name(paths.requirements), lock: name(paths.lock), moduleMap: name(paths.moduleMap), kustomization: name(paths.kustomization), baseLock: name(baseLock) },
  };
}
