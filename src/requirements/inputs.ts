/** The current inputs of the lock, read from the repository's files (no network, no Python). */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import { airflowPin } from './airflow-pin.ts';
import type { LockInputs } from './lock-header.ts';
import type { LockPaths } from './paths.ts';
import { parseRequirements, requirementsDigest } from './requirements-file.ts';

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function currentInputs(paths: LockPaths): LockInputs {
  if (!existsSync(paths.requirements)) throw new UsageError(`${paths.names.requirements} not found in ${paths.root}: list the packages the DAGs need there (an empty file is fine), then lock`);
  if (!existsSync(paths.baseLock)) throw new UsageError(`${paths.baseLock} not found: the base lock comes with the engine (python/requirements/lock.sh writes it)`);
  const requirements = parseRequirements(readFileSync(paths.requirements, 'utf8'), paths.names.requirements);
  return {
    requirements: requirements.map(({ name, text }) => ({ name, text })),
    requirementsDigest: requirementsDigest(requirements),
    airflow: airflowPin(paths.kustomization),
    baseLockSha256: sha256Of(paths.baseLock),
  };
}
